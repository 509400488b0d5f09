/** Styles of `<ido-registratie>`: tokens only (see ../shared/styles.ts); one column, two from about 52em wide. */
import { css } from 'lit';

export const styles = css`
  .root {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
    align-items: start;
  }
  /* Two columns: the form with today's visits below it, the look-up beside both. The look-up spans
     both rows, and its extra height goes to the second (1fr) row only, so a topic's partners
     appearing or going never move today's visits. */
  @container (min-width: 52em) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      grid-template-rows: auto 1fr;
    }
    .layout > .lookup {
      grid-column: 2;
      grid-row: 1 / span 2;
    }
    .layout > .recent {
      grid-column: 1;
      grid-row: 2;
    }
  }

  /* Below Registreer, room kept for what is said after it (the banner, the confirmation): they
     appear there without moving anything. Longer texts (a narrow screen) lie over what follows
     rather than push it down. Both sit in the same place, the confirmation over the banner (which
     waits, hidden, until the next visit starts): stacked, a banner changing its length would move
     the confirmation. */
  .status {
    position: relative;
    z-index: 1;
    min-block-size: 4.5em;
  }
  @container (max-width: 30em) {
    .status {
      min-block-size: 7.5em;
    }
  }
  .status-stack {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    display: grid;
  }
  .status-stack > * {
    grid-area: 1 / 1;
  }
  .status-stack:has(> .notice.shown) > .banner {
    visibility: hidden;
  }
  .status-stack > .shown {
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.25);
  }

  /* Banner and confirmation: they take no room while empty, so the live regions can stay in place. */
  .banner,
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  .banner p,
  .notice p {
    margin: 0;
    flex: 1 1 16em;
  }
  .banner.shown {
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_warning-bg);
    border: 2px solid var(--_warning-border);
    border-inline-start-width: 8px;
    border-radius: var(--_radius);
  }
  .notice.shown {
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_success-bg);
    border: 2px solid var(--_success-border);
    border-inline-start-width: 8px;
    border-radius: var(--_radius);
    font-weight: 600;
  }
  /* Out of the flow while empty (no gap above the form), but still in the page for screen readers. */
  .banner:not(.shown),
  .notice:not(.shown) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .root {
    position: relative;
  }

  .form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    min-inline-size: 0;
  }
  .editing {
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-inline-start: 6px solid var(--_action-bg);
    background: var(--_surface);
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field > p,
  fieldset > p {
    margin: 0;
  }
  .topic {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .topic h3 {
    margin: 0;
  }
  .chips-label {
    margin: 0;
    color: var(--_muted);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  /* A chip is as big pressed as not (the tick sits in its padding, the heavier border is a shadow),
     so choosing one never rewraps the chips. */
  .chip {
    position: relative;
    min-block-size: var(--_target);
    padding-block: 0.4em;
    padding-inline: 1.3em;
    border: 2px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
    line-height: 1.2;
  }
  .chip:hover {
    border-color: var(--_selected-border);
    background: var(--_selected-bg);
  }
  /* Chosen: a tick and a heavier border as well as the colour. */
  .chip[aria-pressed='true'] {
    border-color: var(--_selected-border);
    box-shadow: inset 0 0 0 1px var(--_selected-border);
    background: var(--_selected-bg);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .chip[aria-pressed='true']::before {
    content: '✓';
    position: absolute;
    inset-inline-start: 0.4em;
    font-weight: 700;
  }

  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 2px solid var(--_border);
    border-block-start: 0;
    border-radius: 0 0 var(--_radius) var(--_radius);
    background: var(--_bg);
  }
  [role='option'] {
    min-block-size: var(--_target);
    padding-block: 0.5em;
    padding-inline: 0.75em;
    cursor: pointer;
    border-inline-start: 6px solid transparent;
  }
  [role='option'] + [role='option'] {
    border-block-start: 1px solid var(--_border-subtle);
  }
  [role='option']:hover {
    background: var(--_surface);
  }
  [role='option'][aria-selected='true'] {
    background: var(--_selected-bg);
    border-inline-start-color: var(--_selected-border);
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .search-field input[aria-expanded='true'] {
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  /* The matches open over the form, not in it: typing moves nothing below the field. */
  .search-field {
    position: relative;
  }
  .popup {
    position: absolute;
    inset-block-start: 100%;
    inset-inline: 0;
    z-index: 2;
    box-shadow: 0 4px 8px rgb(0 0 0 / 0.2);
  }
  .no-results {
    margin: 0;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_border);
    border-block-start: 0;
    background: var(--_bg);
  }
  /* One line, whatever the topic: cut off with "…" (the whole label is in its title). */
  .chosen {
    margin: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .questions {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  .questions li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.5em;
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_border-subtle);
  }
  .questions li.current {
    border-inline-start: 6px solid var(--_selected-border);
    background: var(--_selected-bg);
  }
  .question-name {
    flex: 1 1 12em;
  }

  .summary-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .summary {
    flex: 1 1 18em;
    min-inline-size: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.25em 1em;
    min-block-size: var(--_target);
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border: 2px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    text-align: start;
    cursor: pointer;
  }
  .summary:hover {
    border-color: var(--_border);
  }
  /* One line high (see details.ts); the whole line on keyboard focus. */
  .summary-text {
    flex: 1 1 auto;
    min-inline-size: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .summary:focus-visible .summary-text {
    white-space: normal;
  }
  .summary-change {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    white-space: nowrap;
  }
  .summary-change::after {
    content: ' ▾';
  }
  .summary[aria-expanded='true'] .summary-change::after {
    content: ' ▴';
  }
  .when {
    flex: 1 1 100%;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .control.time,
  .control.narrow {
    inline-size: auto;
    max-inline-size: 100%;
  }
  /* Grid columns that may shrink below their content (a long option in a select), so nothing
     sticks out at 320 px or at 400 % zoom. */
  .root,
  .form,
  .field,
  .topic,
  .details,
  fieldset {
    grid-template-columns: minmax(0, 1fr);
  }

  .details {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 0.4em;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.4em;
  }
  /* "Bezoek" and "Vraag 2: …": what holds for the whole visit, and what for one question. */
  .details {
    gap: calc(var(--_space) * 1.5);
  }
  fieldset.group {
    gap: var(--_space);
  }
  fieldset.group > legend {
    font-size: 1.15em;
    font-weight: 700;
    margin-block-end: 0.25em;
  }
  fieldset.group + fieldset.group {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .sub-label {
    font-weight: 400;
    margin-block-start: 0.25em;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .options.column {
    flex-direction: column;
    align-items: stretch;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    padding-block: 0.3em;
    padding-inline: 0.6em;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .option:has(input:checked) {
    border: 2px solid var(--_selected-border);
    background: var(--_selected-bg);
  }
  .option input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_action-bg);
    flex: none;
  }
  textarea.control {
    resize: vertical;
    min-block-size: 5em;
  }

  .form-error {
    margin: 0;
    padding: 0.75em var(--_space);
    border: 2px solid var(--_error);
    border-inline-start-width: 8px;
    border-radius: var(--_radius);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  .submit {
    min-block-size: 3.25em;
    min-inline-size: 12em;
    font-size: 1.15em;
  }
  /* Sending: cannot be pressed again, but still readable ("Bezig…"). */
  .submit[aria-busy='true'] {
    opacity: 1;
    cursor: progress;
  }
  @container (max-width: 30em) {
    .submit {
      flex: 1 1 100%;
    }
  }

  .lookup {
    padding: var(--_space);
    border: 2px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .lookup h4 {
    margin-block-start: var(--_space);
  }
  .links,
  .partners {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5em;
  }
  .links a {
    display: inline-block;
    padding-block: 0.5em;
  }
  .partner {
    padding: 0.75em;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .partner p {
    margin-block: 0 0.25em;
  }
  .term {
    font-weight: 600;
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  .contact a {
    display: inline-block;
    padding-block: 0.6em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: 0.25em;
  }
  .choice[aria-pressed='true'] {
    background: var(--_selected-bg);
    border-width: 3px;
  }
  .choice[aria-pressed='true']::before {
    content: '✓';
  }
  .chosen-referral {
    font-weight: 600;
  }

  .recent h3 {
    margin-block-end: 0.5em;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    border-block-start: 1px solid var(--_border-subtle);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    padding-block: 0.5em;
    border-block-end: 1px solid var(--_border-subtle);
  }
  .row .time {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    min-inline-size: 3.5em;
  }
  .row .what {
    flex: 1 1 12em;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .badge {
    display: inline-block;
    padding-inline: 0.5em;
    border: 2px dashed var(--_warning-border);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    font-size: 0.95em;
    white-space: nowrap;
  }
  .button.danger {
    border-color: var(--_error);
    color: var(--_error);
  }
  .location-line {
    margin: 0;
  }
  .location {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .problem {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }

  @media (forced-colors: active) {
    .chip,
    .summary,
    .option,
    .details,
    .lookup,
    .partner,
    .banner.shown,
    .notice.shown,
    [role='listbox'] {
      border-color: CanvasText;
    }
    .chip[aria-pressed='true'],
    .option:has(input:checked),
    .choice[aria-pressed='true'],
    [role='option'][aria-selected='true'] {
      border-color: Highlight;
      outline: 2px solid Highlight;
    }
    .badge {
      border-color: CanvasText;
    }
  }
`;

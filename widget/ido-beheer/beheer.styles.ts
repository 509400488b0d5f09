/** Styles of the body of `<ido-beheer>`: tokens only (see ../shared/styles.ts); the form and its preview side by side from about 64em. */
import { css } from 'lit';
import { base, tokens } from '../shared/styles.js';
import { more } from '../shared/styles-more.js';
import { staffForms } from '../shared/login.styles.js';

const own = css`
  .root {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    min-inline-size: 0;
  }
  section,
  form,
  fieldset {
    min-inline-size: 0;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding-block-end: calc(var(--_space) * 0.75);
    border-block-end: 1px solid var(--_border-subtle);
  }
  .top h2,
  .top p {
    margin: 0;
  }
  .sections ul {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .section-button[aria-current='page'] {
    border-color: var(--_selected-border);
    border-block-end-width: 5px;
    background: var(--_selected-bg);
    color: var(--_text);
  }

  /* The courses table. */
  .table-wrap {
    overflow-x: auto;
  }
  .courses {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .courses caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5em;
  }
  .courses th,
  .courses td {
    padding: 0.4em 0.6em;
    text-align: start;
    border-block-end: 1px solid var(--_border-subtle);
  }
  .courses .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--_muted);
  }
  .course-form {
    max-inline-size: 36em;
  }
  select.control {
    appearance: auto;
  }

  /* The list. */
  .list-section,
  .form-section {
    display: grid;
    gap: var(--_space);
  }
  .list-section > *,
  .form-section > * {
    margin: 0;
  }
  .list-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_space);
  }
  .list-tools .search {
    flex: 1 1 16em;
    max-inline-size: 28em;
  }
  .locations {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .location-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .location-name {
    margin: 0;
  }
  .meta {
    margin: 0;
    color: var(--_muted);
  }

  /* The form. */
  .form-layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    align-items: start;
  }
  @container (min-width: 64em) {
    .form-layout {
      grid-template-columns: minmax(0, 1fr) 22em;
    }
    .preview {
      position: sticky;
      inset-block-start: var(--_space);
    }
  }
  .location-form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .group {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .group > legend {
    padding-inline: 0.25em;
  }
  .group > legend h3 {
    margin: 0;
  }
  .group > .hint {
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .row > .field {
    flex: 1 1 10em;
  }
  .control.short {
    max-inline-size: 12em;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
  }
  .lookup:empty {
    display: none;
  }
  .lookup {
    margin: 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-inline-start: 6px solid var(--_border);
    background: var(--_surface);
  }
  .lookup.found {
    border-color: var(--_success-border);
    background: var(--_success-bg);
  }
  .lookup.warning {
    border-color: var(--_warning-border);
    background: var(--_warning-bg);
  }
  .lookup.error {
    border-color: var(--_error);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    font-weight: 400;
  }
  .choice input {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: 0 var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* The week grid. */
  .days {
    display: grid;
    gap: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .day {
    display: grid;
    grid-template-columns: 7em minmax(0, 1fr);
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding-block: calc(var(--_space) * 0.75);
    border-block-start: 1px solid var(--_border-subtle);
  }
  .day-name {
    margin: 0;
    padding-block-start: 0.6em;
  }
  .ranges {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .closed-day {
    margin: 0;
    padding-block-start: 0.6em;
    color: var(--_muted);
  }
  .range .error {
    margin: 0;
  }
  .range-fields {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  .time {
    display: grid;
    gap: 0.25em;
  }
  .time-input {
    inline-size: 6em;
  }
  .day-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  @container (max-width: 30em) {
    .day {
      grid-template-columns: minmax(0, 1fr);
    }
    .day-name {
      padding-block-start: 0;
    }
  }

  /* Exceptions. */
  .exceptions {
    display: grid;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .exception {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 var(--_space);
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_border-subtle);
  }
  .past summary {
    min-block-size: var(--_target);
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--_link);
  }
  .add-exception {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .add-exception h4,
  .add-exception p {
    margin: 0;
  }
  .kind {
    margin: 0;
    padding: 0;
    border: 0;
  }

  /* Preview. */
  .preview {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 2px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .preview > * {
    margin: 0;
  }
  .week-preview {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .week-preview th,
  .week-preview td {
    padding-block: 0.35em;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_border-subtle);
  }
  .week-preview th {
    padding-inline-end: var(--_space);
    font-weight: 600;
  }
  .why {
    color: var(--_muted);
  }

  /* Saving and deleting. */
  .status:empty {
    display: none;
  }
  .status {
    margin: 0;
  }
  .save-bar {
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border-subtle);
  }
  .danger {
    padding-block-start: var(--_space);
  }
  .confirm {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 2px solid var(--_error);
    border-inline-start-width: 8px;
    border-radius: var(--_radius);
  }
  .confirm > * {
    margin: 0;
  }
  .button.danger-button {
    border-color: var(--_error);
    background: var(--_error);
    color: var(--_action-color);
  }
  .conflict {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .conflict > * {
    margin: 0;
  }
  .button.quiet.back {
    padding-inline: 0;
  }
  @media (forced-colors: active) {
    .section-button[aria-current='page'],
    .lookup,
    .confirm {
      border-color: CanvasText;
    }
    .button.danger-button {
      background: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
  }
`;

export const styles = [tokens, base, more, staffForms, own];

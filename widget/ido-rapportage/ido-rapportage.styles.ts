/** Styles of `<ido-rapportage>`: tokens only (see ../shared/styles.ts); one column, charts two abreast from about 62em. */
import { css } from 'lit';
import { base, tokens } from '../shared/styles.js';
import { more } from '../shared/styles-more.js';
import { cards } from './chart-cards.styles.js';
import { staffForms } from '../shared/login.styles.js';

const own = css`
  :host {
    --_figure-size: var(--ido-figure-font-size, 2.5em);
    --_chart-bar: var(--ido-chart-bar-color, var(--_action-bg));
    --_chart-track: var(--ido-chart-track-color, var(--_surface));
    --_card-border: var(--ido-card-border-color, var(--_border-subtle));
  }
  .root {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  section {
    min-inline-size: 0;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }

  /* Top bar: heading, organisation, who is logged in. */
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding-block-end: calc(var(--_space) * 0.75);
    border-block-end: 1px solid var(--_card-border);
  }
  .top h2 {
    margin: 0;
  }
  .top p {
    margin: 0;
  }
  .organisation {
    color: var(--_muted);
    font-size: 1.1em;
  }
  /* Quiet buttons read as links: no inset, so they line up with the text (still 44 px tall). */
  .chart-head .button.quiet {
    padding-inline: 0;
  }

  /* Period and filters. */
  .controls {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.4em;
  }
  .segments {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .segment {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_target);
    padding-block: 0.4em;
    padding-inline: 0.75em 1em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    font-weight: 400;
    cursor: pointer;
  }
  .segment:hover {
    border-color: var(--_selected-border);
  }
  .segment input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_selected-border);
  }
  /* Chosen: the radio's dot, a heavier border and bold text, as well as the colour. */
  .segment:has(input:checked) {
    border: 3px solid var(--_selected-border);
    background: var(--_selected-bg);
    font-weight: 700;
  }
  .segment:has(input:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .segment input:focus-visible {
    outline: none;
    box-shadow: none;
  }
  .custom {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
  }
  .custom .field {
    flex: 1 1 11em;
    max-inline-size: 16em;
  }
  .custom .error {
    flex-basis: 100%;
    margin: 0;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
    gap: var(--_space);
  }
  select.control {
    padding-inline-end: 2em;
  }
  .period-line {
    margin: 0;
    max-inline-size: none;
  }

  /* Key figures. */
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13em), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .figure {
    display: grid;
    align-content: start;
    gap: 0.25em;
    padding: var(--_space);
    border: 1px solid var(--_card-border);
    border-block-start: 6px solid var(--_chart-bar);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .figure h4 {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .figure .value {
    margin: 0;
    font-size: var(--_figure-size);
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .figure .detail,
  .figure .change {
    margin: 0;
    color: var(--_muted);
  }
  .change {
    display: flex;
    gap: 0.35em;
    align-items: baseline;
  }
  .change .icon {
    flex: none;
    inline-size: 0.9em;
    block-size: 0.9em;
    fill: currentColor;
    align-self: center;
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .skeleton.figure-value {
    inline-size: 5em;
    block-size: var(--_figure-size);
    font-size: 1em;
  }
  .skeleton.line {
    inline-size: 80%;
    block-size: 1em;
  }

  .status {
    margin: 0;
    color: var(--_muted);
  }
  .status:empty {
    display: none;
  }
  .busy {
    opacity: 0.55;
  }
`;

/** After the cards' styles (chart-cards.styles.ts), so that the phone and forced-colours rules below still win. */
const after = css`
  /* Downloads. */
  .exports {
    display: grid;
    gap: var(--_space);
  }
  .exports ul {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22em), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .exports li {
    display: grid;
    gap: 0.4em;
    align-content: start;
  }
  .exports li p {
    margin: 0;
  }
  .exports .button {
    justify-content: flex-start;
    text-align: start;
  }
  .exports .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: currentColor;
  }

  /* On a phone every pixel goes to the figures and charts, and the period choices line up. */
  @container (max-width: 26em) {
    .segment {
      flex: 1 1 100%;
    }
    .controls,
    .figure,
    .chart-card {
      padding: calc(var(--_space) * 0.75);
    }
    .figures {
      gap: calc(var(--_space) * 0.75);
    }
  }

  @media (forced-colors: active) {
    .segment:has(input:checked) {
      border-color: Highlight;
    }
    .figure {
      border-block-start-color: CanvasText;
    }
    .chart text,
    .heatmap .l4 text {
      fill: CanvasText;
    }
    .chart .bar {
      fill: CanvasText;
    }
    .chart .track {
      fill: Canvas;
      stroke: GrayText;
    }
    .chart .axis {
      stroke: CanvasText;
    }
    .heatmap .cell .box,
    .heatmap .l1 .box,
    .heatmap .l2 .box,
    .heatmap .l3 .box,
    .heatmap .l4 .box {
      fill: Canvas;
      stroke: CanvasText;
    }
    /* One 6 px band in the system's focus colour, far from the 1 px cell borders. */
    .heatmap .ring-dark,
    .heatmap .ring-light {
      stroke: Highlight;
    }
    .skeleton {
      border: 1px solid GrayText;
    }
    .problem,
    .notice {
      border-color: CanvasText;
    }
  }
`;

export const styles = [tokens, base, more, staffForms, own, cards, after];

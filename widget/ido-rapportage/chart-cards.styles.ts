/** Styles of the dashboard's chart cards and tables (chart-cards.ts); part of the dashboard's styles, in their order. */
import { css } from 'lit';

export const cards = css`
  /* Charts. */
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 30em), 1fr));
    gap: var(--_space);
  }
  .chart-card {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 1px solid var(--_card-border);
    border-radius: var(--_radius);
    background: var(--_bg);
    min-inline-size: 0;
  }
  .chart-card.wide {
    grid-column: 1 / -1;
  }
  .chart-head {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }
  .chart-head h3 {
    margin: 0;
    padding-block-start: 0.35em;
    flex: 1 1 14em;
  }
  .chart-head .button {
    flex: none;
  }
  .chart-card p {
    margin: 0;
  }
  .summary {
    font-weight: 600;
  }
  .chart-area {
    min-inline-size: 0;
    inline-size: 100%;
  }
  .chart {
    display: block;
    max-inline-size: 100%;
    overflow: visible;
  }
  .chart text {
    fill: var(--_text);
    font-size: 1em;
  }
  .chart text.small {
    font-size: 0.875em;
  }
  .chart .track {
    fill: var(--_chart-track);
  }
  .chart .bar {
    fill: var(--_chart-bar);
  }
  .chart .axis {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .heatmap .cell .box {
    fill: var(--_bg);
    stroke: var(--_card-border);
    stroke-width: 1;
    cursor: default;
  }
  .heatmap .l1 .box {
    fill: #e4edf8;
    fill: color-mix(in srgb, var(--_chart-bar) 14%, var(--_bg));
  }
  .heatmap .l2 .box {
    fill: #b8cfec;
    fill: color-mix(in srgb, var(--_chart-bar) 32%, var(--_bg));
  }
  .heatmap .l3 .box {
    fill: #7aa3d4;
    fill: color-mix(in srgb, var(--_chart-bar) 58%, var(--_bg));
  }
  .heatmap .l4 .box {
    fill: var(--_chart-bar);
  }
  .heatmap .l4 text {
    fill: var(--_action-color);
    font-weight: 700;
  }
  .heatmap .cell .box:focus {
    outline: none;
  }
  /*
   * Focus: two touching 3 px rings, dark outside and light inside (the focus colour and the focus
   * background of the theme, black and yellow by default, 15:1 to each other). Whatever the colour of
   * the cell or its neighbours, one of the two stands out from it by at least 3:1 (WCAG technique
   * C40). Shown for the cell with keyboard focus, and for the one under the pointer.
   */
  .heatmap .ring {
    display: none;
    fill: none;
    stroke-width: 3;
    pointer-events: none;
  }
  .heatmap .ring-dark {
    stroke: var(--_focus);
  }
  .heatmap .ring-light {
    stroke: var(--_focus-bg);
  }
  .heatmap .box:focus-visible ~ .ring,
  .heatmap .cell.active .ring {
    display: inline;
  }
  .readout {
    min-block-size: 1.5em;
    font-variant-numeric: tabular-nums;
  }
  .readout.on {
    font-weight: 700;
  }

  /* Tables: they scroll sideways in a region of their own on a narrow screen. */
  .table-title {
    font-weight: 600;
  }
  /* Shadows at the sides that hide when scrolled to the end: there is more table that way. */
  .table-wrap {
    overflow-x: auto;
    max-inline-size: 100%;
    background:
      linear-gradient(to right, var(--_bg) 30%, transparent) left / 2em 100% no-repeat local,
      linear-gradient(to left, var(--_bg) 30%, transparent) right / 2em 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.3), transparent) left / 0.75em 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.3), transparent) right / 0.75em 100% no-repeat scroll;
  }
  .table-wrap:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    min-inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding-block: 0.45em;
    padding-inline: 0.5em 0.75em;
    border-block-end: 1px solid var(--_card-border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    border-block-end: 2px solid var(--_border);
  }
  td.number,
  th.number {
    text-align: end;
  }
  .heat-table td.number,
  .heat-table th.number {
    min-inline-size: 3em;
  }

  .empty {
    padding: calc(var(--_space) * 1.5) var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .empty h3 {
    margin-block-end: 0.25em;
  }
  .empty p {
    margin: 0;
  }
`;

/**
 * Styles of the locator's result cards, the status credit and the map's frame: part of the search
 * chunk with the cards (results.ts), adopted by the element when the chunk arrives, before the
 * first card is rendered. The open state has its own two tokens.
 */
import { css } from 'lit';
import { more } from '../shared/styles-more.js';

const cards = css`
  :host {
    --_open: var(--ido-open-color, var(--basis-color-positive-1-color-default, #17692e));
    --_closed: var(--ido-closed-color, var(--_text));
  }

  /* Results: one card a location, nearest first, the number matching its marker on the map. */
  ol.results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .card {
    padding-block: var(--_space);
    padding-inline: var(--_space);
    border: 1px solid var(--_border-subtle);
    border-inline-start: 6px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .card.is-open {
    border-inline-start-color: var(--_open);
  }
  .card h3 {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    margin-block-end: 0.35em;
  }
  .card h3:focus {
    outline: none;
  }
  .card h3:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 4px;
  }
  .number {
    display: inline-grid;
    place-items: center;
    flex: none;
    min-inline-size: 1.6em;
    block-size: 1.6em;
    border-radius: 50%;
    background: var(--_text);
    color: var(--_bg);
    font-size: 0.85em;
    font-weight: 700;
    line-height: 1;
  }
  .card p {
    margin-block: 0 0.35em;
  }
  .state {
    display: flex;
    gap: 0.4em;
    align-items: flex-start;
    font-weight: 700;
    font-size: 1.1em;
  }
  .state .icon {
    margin-block-start: 0.1em;
  }
  .state.open {
    color: var(--_open);
  }
  .state.closed {
    color: var(--_closed);
  }
  .muted {
    color: var(--_muted);
  }
  .address {
    font-style: normal;
    margin-block: 0.5em;
  }
  .links,
  .features {
    list-style: none;
    margin-block: 0.25em 0.5em;
    padding: 0;
  }
  .links a {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: var(--_target);
    padding-block: 0.35em;
  }
  .notes {
    color: var(--_muted);
  }

  /* "Toon alle openingstijden": a disclosure button and the week below it. */
  .disclosure {
    padding-inline: 0.25em 0.5em;
    margin-inline-start: -0.25em;
    justify-content: flex-start;
    text-align: start;
  }
  .disclosure .icon {
    transition: none;
  }
  .disclosure[aria-expanded='true'] .icon {
    transform: rotate(90deg);
  }
  .week {
    margin-block: 0.25em 0.5em;
  }
  .week table {
    border-collapse: collapse;
    margin-block-end: 0.5em;
  }
  .week caption {
    text-align: start;
  }
  .week th,
  .week td {
    text-align: start;
    vertical-align: top;
    padding-block: 0.3em;
    padding-inline: 0 1em;
    border-block-end: 1px solid var(--_border-subtle);
  }
  .week th {
    font-weight: 400;
  }
  .range {
    white-space: nowrap;
  }
  .week tr.today :is(th, td) {
    font-weight: 700;
  }
  .week h4 {
    margin-block: 0.5em 0.25em;
  }
  .week ul {
    margin-block: 0;
    padding-inline-start: 1.25em;
    list-style: disc;
  }
  .actions {
    margin-block-start: 0.75em;
  }

  .credit {
    color: var(--_muted);
    margin-block: var(--_space) 0;
  }
  /* Above the cards: the approximated postcode, nothing near. */
  .search-notes p {
    margin-block: 0 calc(var(--_space) * 0.75);
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_warning-border);
  }
  .differs {
    font-weight: 600;
  }

  /* The map sits below the list, never instead of it. */
  .map-wrap {
    margin-block-start: var(--_space);
  }
  .map {
    block-size: clamp(16rem, 60vw, 28rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  @container (max-width: 30em) {
    .card {
      padding-inline: 0.75em;
    }
  }

  @media (forced-colors: active) {
    .card,
    .card.is-open {
      border-color: CanvasText;
    }
    .state.open,
    .state.closed,
    .muted,
    .notes,
    .credit {
      color: CanvasText;
    }
    .number {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
  }
`;

/** The shared styles the cards add to the form's (links, smaller headings, quiet buttons), then their own. */
export const resultStyles = [more, cards];

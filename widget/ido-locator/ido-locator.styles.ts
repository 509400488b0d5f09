/**
 * Styles of `<ido-locator>`'s form, status and problems. Colours, radius and focus come from the
 * shared tokens (each an `--ido-…` property, then an NL Design System token, then a default). The
 * result cards bring their own styles with the search chunk (results.styles.ts), and the map its
 * own (map.ts): the first paint does not need them.
 */
import { css } from 'lit';
import { base, tokens } from '../shared/styles.js';

const locator = css`
  .locator {
    max-inline-size: 44em;
  }
  .intro {
    margin-block-end: calc(var(--_space) * 1.25);
  }

  /* The search form: label, hint and error above a field with its button; the location button below. */
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin-block-end: var(--_space);
  }
  label {
    display: block;
    margin-block-end: 0.15em;
  }
  .hint,
  .field-error {
    margin-block: 0 0.35em;
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: stretch;
  }
  .search-row .control {
    flex: 1 1 10em;
    inline-size: auto;
    max-inline-size: 18em;
  }
  .search-row .button {
    flex: 0 0 auto;
    min-inline-size: 6em;
  }
  .location-button {
    justify-self: start;
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    fill: currentColor;
  }

  /* Problems with the search as a whole: a bar on the side and words, not colour alone. */
  .problem:not(:empty) {
    margin-block: 0 var(--_space);
    padding-block: 0.75em;
    padding-inline: 1em;
    border-inline-start: 6px solid var(--_warning-border);
    background: var(--_warning-bg);
    color: #1b1b1b;
  }
  .problem p {
    margin-block-end: 0.5em;
  }
  .problem p:last-child {
    margin-block-end: 0;
  }

  .status {
    font-weight: 600;
    margin-block: 0 calc(var(--_space) * 0.75);
  }
  .status:empty {
    margin: 0;
  }

  @container (max-width: 30em) {
    .search-row .control {
      max-inline-size: none;
      flex-basis: 100%;
    }
    .search-row .button,
    .location-button {
      inline-size: 100%;
    }
  }

  @media (forced-colors: active) {
    .problem:not(:empty) {
      border: 2px solid CanvasText;
      border-inline-start-width: 6px;
    }
  }
`;

export const styles = [tokens, base, locator];

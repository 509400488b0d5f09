/**
 * Shared styles that not every first paint needs: headings below h2, links, quiet and disabled
 * buttons, legends. Used by the registratie, the dashboard and the locator's result cards; a
 * module of its own so that, for a page with only the locator, it travels with the cards (a
 * module shared with a lazy chunk would otherwise stay in the initial script).
 */
import { css } from 'lit';
export const more = css`
  h3,
  h4 {
    line-height: 1.25;
    margin-block: 0 calc(var(--_space) * 0.5);
  }
  h3 {
    font-size: 1.2em;
  }
  h4 {
    font-size: 1em;
  }
  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  a:focus-visible {
    background: var(--_focus-bg);
    color: #0b0c0c;
    text-decoration: none;
  }
  .button.quiet {
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    font-weight: 400;
    padding-inline: 0.5em;
  }
  .button.quiet:hover {
    text-decoration-thickness: 2px;
    background: transparent;
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  legend {
    font-weight: 600;
  }
`;

/**
 * Base styles of every IDO element: design tokens with NL Design System fallbacks, the focus
 * ring, buttons and form controls. Each token reads `--ido-…` first, then the NL Design
 * System token a themed site already sets, then a default that passes WCAG AA on white.
 *
 * `base` is what every element's first paint needs; styles-more.ts what the registratie, the
 * dashboard and the locator's result cards add.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_text: var(--ido-text-color, var(--basis-color-default-color-document, #1b1b1b));
    --_muted: var(--ido-muted-color, var(--basis-color-default-color-subtle, #4a4a4a));
    --_bg: var(--ido-background, var(--basis-color-default-bg-document, #ffffff));
    --_surface: var(--ido-surface, var(--basis-color-default-bg-subtle, #f3f4f6));
    --_border: var(--ido-border-color, var(--basis-color-default-border-default, #6b6b6b));
    --_border-subtle: var(--ido-border-subtle-color, var(--basis-color-default-border-subtle, #c9ccd1));
    --_action-bg: var(--ido-button-background, var(--nl-button-primary-background-color, var(--basis-color-action-1-bg-default, #1a5fb4)));
    --_action-color: var(--ido-button-color, var(--nl-button-primary-color, var(--basis-color-action-1-color-default, #ffffff)));
    --_action-bg-hover: var(--ido-button-hover-background, var(--nl-button-primary-hover-background-color, var(--basis-color-action-1-bg-hover, #144a8c)));
    --_secondary-color: var(--ido-secondary-button-color, var(--nl-button-secondary-color, var(--basis-color-action-2-color-default, #1a5fb4)));
    --_secondary-bg: var(--ido-secondary-button-background, var(--nl-button-secondary-background-color, var(--basis-color-action-2-bg-default, #ffffff)));
    --_selected-bg: var(--ido-selected-background, var(--basis-color-selected-1-bg-default, #dbe7f7));
    --_selected-border: var(--ido-selected-border-color, var(--basis-color-selected-1-border-default, #1a5fb4));
    --_link: var(--ido-link-color, var(--nl-link-color, var(--basis-color-action-2-color-default, #1a5fb4)));
    --_focus: var(--ido-focus-color, var(--basis-focus-outline-color, #000000));
    --_focus-bg: var(--ido-focus-background, var(--basis-focus-background-color, #ffdd00));
    --_focus-width: var(--ido-focus-width, var(--basis-focus-outline-width, 3px));
    --_error: var(--ido-error-color, var(--basis-color-negative-1-color-default, #b3261e));
    --_warning-bg: var(--ido-warning-background, var(--basis-color-warning-1-bg-subtle, #fff4ce));
    --_warning-border: var(--ido-warning-border-color, var(--basis-color-warning-1-border-default, #8a6100));
    --_success-bg: var(--ido-success-background, var(--basis-color-positive-1-bg-subtle, #e6f4ea));
    --_success-border: var(--ido-success-border-color, var(--basis-color-positive-1-border-default, #1e7b34));
    --_radius: var(--ido-radius, var(--basis-border-radius-md, 4px));
    --_space: var(--ido-space, 1rem);
    --_target: 44px;

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--ido-font-family, inherit);
    /* Body text at least 16 px, also on sites that set a smaller root size. */
    font-size: var(--ido-font-size, max(1rem, 16px));
    line-height: 1.5;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

export const base = css`
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
    margin-block: 0 calc(var(--_space) * 0.5);
  }
  p {
    margin-block: 0 calc(var(--_space) * 0.5);
    max-inline-size: 70ch;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :is(a, button, input, select, textarea, summary, [tabindex]):focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_bg);
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-block: 0.5em;
    padding-inline: 1em;
    border: 2px solid var(--_action-bg);
    border-radius: var(--_radius);
    background: var(--_secondary-bg);
    color: var(--_secondary-color);
    font-weight: 600;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
  }
  .button:hover {
    background: var(--_selected-bg);
  }
  .button.primary {
    background: var(--_action-bg);
    color: var(--_action-color);
  }
  .button.primary:hover {
    background: var(--_action-bg-hover);
    border-color: var(--_action-bg-hover);
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .control {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_target);
    padding-block: 0.4em;
    padding-inline: 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .control[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 3px;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  /* The error is marked with a word and a bar, not by colour alone. */
  .error::before {
    content: '';
    display: inline-block;
    inline-size: 4px;
    block-size: 1em;
    margin-inline-end: 0.5em;
    vertical-align: -0.1em;
    background: currentColor;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  [hidden] {
    display: none !important;
  }
  @media (forced-colors: active) {
    .button,
    .control {
      border-color: ButtonText;
    }
    .button.primary {
      background: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
    :is(a, button, input, select, textarea, summary, [tabindex]):focus-visible {
      outline-color: Highlight;
    }
    .error::before {
      background: CanvasText;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: background-color 0.1s;
    }
  }
`;

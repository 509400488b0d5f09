/**
 * The locator's icons (inline SVG, decorative: hidden from assistive technology). The form's two
 * paths are here; the cards' paths travel with the cards (results.ts).
 */
import { html } from 'lit';

export const SEARCH = 'M15.5 14h-.8l-.3-.3a6.5 6.5 0 1 0-.7.7l.3.3v.8l5 5 1.5-1.5-5-5Zm-6 0a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9Z';
export const HERE = 'M21 3 3 10.5v1l6.8 2.7L12.5 21h1L21 3Z';

export const icon = (path: string) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;

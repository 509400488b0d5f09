/**
 * Defines `<ido-locator>` on its own, for the size measurement in `tests/bench/locator-size.mjs`
 * (what a page that only uses the locator would load). The real entry is `widget/index.ts`.
 */
import { IdoLocator } from './ido-locator.js';

if (!customElements.get('ido-locator')) customElements.define('ido-locator', IdoLocator);

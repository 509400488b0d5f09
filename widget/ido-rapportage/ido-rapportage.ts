/** `<ido-rapportage>`: coordinators see their IDO's figures for a period, compared with the period before, and download them. */
import { html, type PropertyDeclarations } from 'lit';
import { IdoElement } from '../shared/ido-element.js';
import { base, tokens } from '../shared/styles.js';
import { lazyCatalogue } from '../shared/i18n.js';
import { adoptLazyStyles, lazy } from '../shared/lazy.js';
import { IdoLoginEvent, IdoLogoutEvent } from './events.js';
import type { RapportageView } from './dashboard.js';
import { nl } from './i18n.nl.js';

/** The login form and dashboard: a chunk of their own, loaded when the element is first connected. */
const dashboard = lazy(() => import('./dashboard.js'));

/** Dutch built in; English is a chunk of its own, loaded only for `lang="en"`. */
const texts = lazyCatalogue(nl, async () => (await import('./i18n.en.js')).en);

/**
 * Figures for coordinators of Informatiepunten Digitale Overheid: answers first, details on
 * request. A period (this month, last month, this year, or two dates), filters (location; for
 * national users also organisation and province), the key figures compared with the previous
 * period, four charts (topics, development, when it is busy, agencies) each with a text summary
 * and a "Toon als tabel" switch, and the exports for accountability. Without a `token` it shows
 * its own login form and keeps the session in sessionStorage only, never in localStorage.
 *
 * This class is small on purpose: it is in `ido.js`, which every page with any IDO element
 * loads. The login form and dashboard (`dashboard.ts`) come as a chunk when the element is first
 * connected, the SVG charts (`charts.ts`) as another once there are figures to draw.
 *
 * @summary Rapportage voor IDO-coördinatoren: kerncijfers, grafieken en downloads.
 *
 * @csspart login - The login section (heading, text, form).
 * @csspart login-form - The login form.
 * @csspart login-button - The "Inloggen" button.
 * @csspart controls - The period choice and the filters.
 * @csspart figures - The list of key figures.
 * @csspart figure - One key figure.
 * @csspart chart - One chart section (heading, summary, chart or table).
 * @csspart table - A table of a chart's figures.
 * @csspart exports - The downloads section.
 * @csspart export-button - A download button.
 *
 * @cssprop --ido-font-family - Font. Default: inherited from the page.
 * @cssprop --ido-font-size - Body text size. Default: `max(1rem, 16px)`.
 * @cssprop --ido-text-color - Text. Falls back to `--basis-color-default-color-document`, then `#1b1b1b`.
 * @cssprop --ido-muted-color - Secondary text. Falls back to `--basis-color-default-color-subtle`, then `#4a4a4a`.
 * @cssprop --ido-background - Background of cards and fields. Falls back to `--basis-color-default-bg-document`, then white.
 * @cssprop --ido-surface - The controls panel and the bar tracks. Falls back to `--basis-color-default-bg-subtle`, then `#f3f4f6`.
 * @cssprop --ido-border-color - Borders of fields. Falls back to `--basis-color-default-border-default`, then `#6b6b6b`.
 * @cssprop --ido-card-border-color - Borders of cards and table rows. Falls back to `--basis-color-default-border-subtle`, then `#c9ccd1`.
 * @cssprop --ido-button-background - Primary button. Falls back to `--nl-button-primary-background-color`, `--basis-color-action-1-bg-default`, then `#1a5fb4`.
 * @cssprop --ido-button-color - Text on the primary button. Falls back to `--nl-button-primary-color`, `--basis-color-action-1-color-default`, then white.
 * @cssprop --ido-selected-background - The chosen period. Falls back to `--basis-color-selected-1-bg-default`, then `#dbe7f7`.
 * @cssprop --ido-chart-bar-color - Bars and the darkest heatmap cells. Falls back to the primary button colour.
 * @cssprop --ido-chart-track-color - The track behind each bar. Falls back to `--ido-surface`.
 * @cssprop --ido-figure-font-size - Size of the key figures. Default: `2.5em`.
 * @cssprop --ido-link-color - Links and quiet buttons. Falls back to `--nl-link-color`, then `#1a5fb4`.
 * @cssprop --ido-focus-color - Focus ring. Falls back to `--basis-focus-outline-color`, then black.
 * @cssprop --ido-focus-width - Focus ring width. Falls back to `--basis-focus-outline-width`, then `3px`.
 * @cssprop --ido-error-color - Errors. Falls back to `--basis-color-negative-1-color-default`, then `#b3261e`.
 * @cssprop --ido-radius - Corner radius. Falls back to `--basis-border-radius-md`, then `4px`.
 *
 * @fires {IdoLoginEvent} ido-login - The coordinator logged in with the element's own form; `detail.user` is who (never the token).
 * @fires {IdoLogoutEvent} ido-logout - The coordinator pressed "Uitloggen".
 */
export class IdoRapportage extends IdoElement {
  /** The element's texts and, once it is there, the dashboard's. */
  protected override catalogues() {
    return [texts, dashboard.value?.texts, dashboard.value?.loginTexts];
  }

  static override styles = [tokens, base];
  /** Reactive properties and states (declared here rather than with decorators, which cost weight in ido.js). */
  static override properties: PropertyDeclarations = {
    _loadFailed: { state: true },
    token: {},
  };

  private _view?: RapportageView;

  private _loadFailed = false;

  /**
   * A session token (`ido_st_…`, from `POST /api/v1/auth/login`) or secret key, when the page
   * has one. Without it, or when the server refuses it, the element shows its own login form.
   */
  token = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this._load();
  }

  /** Loads the login form and dashboard; a failed load (offline) is tried again on "Probeer opnieuw". */
  private _load(): void {
    dashboard().then(
      ({ RapportageView, styles }) => {
        if (this._view) return;
        adoptLazyStyles(this, styles);
        // Events go out through `fire`: the manifest analyzer documents them from the JSDoc above.
        const fire = (event: Event) => this.dispatchEvent(event);
        this._view = new RapportageView(this, {
          api: () => this.resolvedApi,
          lang: () => this.language,
          token: () => this.token,
          loggedIn: (user) => fire(new IdoLoginEvent(user)),
          loggedOut: () => fire(new IdoLogoutEvent()),
        });
        this._loadFailed = false;
        this.requestUpdate();
      },
      () => {
        this._loadFailed = true;
      },
    );
  }

  override render() {
    if (this._view) return this._view.render();
    const t = texts.get(this.language);
    return html`<div lang=${this.language}>
      ${
        this._loadFailed
          ? html`<p role="alert">${t.loadFailed}</p>
            <p><button class="button" type="button" @click=${this._load}>${t.retry}</button></p>`
          : html`<p role="status">${t.loading}</p>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ido-rapportage': IdoRapportage;
  }
}

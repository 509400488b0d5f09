/** `<ido-beheer>`: coordinators set up and run their IDO themselves: locations, walk-in hours and exceptions. */
import { html, type PropertyDeclarations } from 'lit';
import { IdoElement } from '../shared/ido-element.js';
import { base, tokens } from '../shared/styles.js';
import { lazyCatalogue } from '../shared/i18n.js';
import { adoptLazyStyles, lazy } from '../shared/lazy.js';
import { IdoLoginEvent, IdoLogoutEvent } from './events.js';
import type { BeheerView } from './admin.js';
import { nl } from './i18n.nl.js';

/** The login form and every section: a chunk of their own, loaded when the element is first connected. */
const admin = lazy(() => import('./admin.js'));

/** Dutch built in; English is a chunk of its own, loaded only for `lang="en"`. */
const texts = lazyCatalogue(nl, async () => (await import('./i18n.en.js')).en);

/**
 * Where coordinators of Informatiepunten Digitale Overheid set up and run their IDO, without the
 * API: the locations with their address (filled in from postcode and house number), walk-in hours
 * as a week grid, exceptions and holidays, accessibility and contact, with a preview of the next
 * seven days as the public will see them. Every save sends the `If-Match` of what was read, so an
 * edit never undoes someone else's: when someone changed it meanwhile, the element says so and
 * keeps what was typed. Without a `token` it shows the same login form as `<ido-rapportage>` and
 * keeps the session in sessionStorage only.
 *
 * This class is small on purpose: it is in `ido.js`, which every page with any IDO element loads.
 * Everything else (`admin.ts` and its sections) comes as a chunk when the element is connected.
 *
 * @summary Beheer voor IDO-coördinatoren: locaties, inlooptijden en uitzonderingen.
 *
 * @csspart login - The login section (heading, text, form).
 * @csspart login-form - The login form.
 * @csspart login-button - The "Inloggen" button.
 * @csspart nav - The navigation between sections.
 * @csspart section - The section on screen.
 *
 * @cssprop --ido-font-family - Font. Default: inherited from the page.
 * @cssprop --ido-font-size - Body text size. Default: `max(1rem, 16px)`.
 * @cssprop --ido-text-color - Text. Falls back to `--basis-color-default-color-document`, then `#1b1b1b`.
 * @cssprop --ido-muted-color - Secondary text. Falls back to `--basis-color-default-color-subtle`, then `#4a4a4a`.
 * @cssprop --ido-background - Background of cards and fields. Falls back to `--basis-color-default-bg-document`, then white.
 * @cssprop --ido-surface - Panels. Falls back to `--basis-color-default-bg-subtle`, then `#f3f4f6`.
 * @cssprop --ido-border-color - Borders of fields. Falls back to `--basis-color-default-border-default`, then `#6b6b6b`.
 * @cssprop --ido-button-background - Primary button. Falls back to `--nl-button-primary-background-color`, `--basis-color-action-1-bg-default`, then `#1a5fb4`.
 * @cssprop --ido-button-color - Text on the primary button. Falls back to `--nl-button-primary-color`, `--basis-color-action-1-color-default`, then white.
 * @cssprop --ido-selected-background - The section on screen. Falls back to `--basis-color-selected-1-bg-default`, then `#dbe7f7`.
 * @cssprop --ido-link-color - Links and quiet buttons. Falls back to `--nl-link-color`, then `#1a5fb4`.
 * @cssprop --ido-focus-color - Focus ring. Falls back to `--basis-focus-outline-color`, then black.
 * @cssprop --ido-error-color - Errors. Falls back to `--basis-color-negative-1-color-default`, then `#b3261e`.
 * @cssprop --ido-radius - Corner radius. Falls back to `--basis-border-radius-md`, then `4px`.
 *
 * @fires {IdoLoginEvent} ido-login - The coordinator logged in with the element's own form; `detail.user` is who (never the token).
 * @fires {IdoLogoutEvent} ido-logout - The coordinator pressed "Uitloggen".
 */
export class IdoBeheer extends IdoElement {
  /** The element's texts and, once they are there, the chunk's. */
  protected override catalogues() {
    return [texts, ...(admin.value?.catalogues ?? [])];
  }

  static override styles = [tokens, base];
  /** Reactive properties and states (declared here rather than with decorators, which cost weight in ido.js). */
  static override properties: PropertyDeclarations = {
    _loadFailed: { state: true },
    token: {},
  };

  private _view?: BeheerView;

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

  /** Loads the body; a failed load (offline) is tried again on "Probeer opnieuw". */
  private _load(): void {
    admin().then(
      ({ BeheerView, styles }) => {
        if (this._view) return;
        adoptLazyStyles(this, styles);
        // Events go out through `fire`: the manifest analyzer documents them from the JSDoc above.
        const fire = (event: Event) => this.dispatchEvent(event);
        this._view = new BeheerView(this, {
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
    'ido-beheer': IdoBeheer;
  }
}

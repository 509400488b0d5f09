/**
 * The body of `<ido-beheer>`, loaded with `import()` by the element the first time it is
 * connected: the shared staff login, the navigation between sections and the section on screen.
 * Only sections that work are in the navigation: "Locaties" and "Cursussen" for now
 * (docs/widget.md lists what is to come).
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Lang } from '../../sdk/schemas/common.js';
import type { User } from '../../sdk/schemas/resources.js';
import { lazyCatalogue } from '../shared/i18n.js';
import { LoginController, loginTexts } from '../shared/login.js';
import { beheerClient, type BeheerClient } from './beheer-client.js';
import { nl, type AdminTexts } from './i18n.admin.nl.js';
import { LocationsSection } from './locations.js';
import { CoursesSection } from './courses.js';
import { styles } from './beheer.styles.js';

export { styles };

/** The body's texts: Dutch built in, English a chunk of its own (the element waits for them before it renders). */
export const texts = lazyCatalogue(nl, async () => (await import('./i18n.admin.en.js')).en);

/** Every catalogue the body renders with, for the element's `catalogues()`. */
export const catalogues = [texts, loginTexts];

/** What the view needs of its element: read through closures, so the element keeps its members protected. */
export interface BeheerHostApi {
  api(): string;
  lang(): Lang;
  token(): string;
  loggedIn(user: User): void;
  loggedOut(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

type SectionId = 'locations' | 'courses';

const SECTIONS: SectionId[] = ['locations', 'courses'];

/** Login, navigation and sections of `<ido-beheer>`. */
export class BeheerView {
  private readonly _api: BeheerHostApi;
  private readonly _login: LoginController;
  private readonly _locations: LocationsSection;
  private readonly _courses: CoursesSection;
  private readonly _host: Host;
  private _clientCache?: { key: string; client: BeheerClient };
  private _section: SectionId = 'locations';

  constructor(host: Host, api: BeheerHostApi) {
    this._api = api;
    this._host = host;
    // First, so that the session is read before the sections' tasks look at the token.
    this._login = new LoginController(host, {
      ...api,
      copy: () => ({ heading: this._t().loginHeading, intro: this._t().loginIntro }),
    });
    this._locations = new LocationsSection(host, {
      client: () => this._client(),
      clientKey: () => this._clientKey(),
      lang: () => this._api.lang(),
      t: () => this._t(),
      authFailed: (error) => this._login.authFailed(error),
    });
    this._courses = new CoursesSection(host, {
      client: () => this._client(),
      clientKey: () => this._clientKey(),
      lang: () => this._api.lang(),
      t: () => this._t(),
      authFailed: (error) => this._login.authFailed(error),
    });
  }

  private _go(section: SectionId): void {
    this._section = section;
    this._courses.show(section === 'courses');
    this._host.requestUpdate();
    void this._host.updateComplete.then(() => this._host.renderRoot.querySelector<HTMLElement>('#section-heading')?.focus());
  }

  private _t(): AdminTexts {
    return texts.get(this._api.lang());
  }

  private _clientKey(): string {
    const token = this._login.token;
    return token ? `${this._api.api()} ${token} ${this._api.lang()}` : '';
  }

  private _client(): BeheerClient {
    const key = this._clientKey();
    if (this._clientCache?.key !== key) {
      this._clientCache = {
        key,
        client: beheerClient({ baseUrl: this._api.api(), token: this._login.token, lang: this._api.lang(), retry: 0 }),
      };
    }
    return this._clientCache.client;
  }

  private _renderBody(t: AdminTexts): TemplateResult {
    return html`<header class="top">
        <h2 id="heading" tabindex="-1" class="title">${t.heading}</h2>
        ${this._login.renderAccount()}
      </header>
      <nav class="sections" part="nav" aria-label=${t.navLabel}>
        <ul role="list">
          ${SECTIONS.map(
            (s) => html`<li><button type="button" class="button section-button" id="nav-${s}"
            aria-current=${this._section === s ? 'page' : 'false'} @click=${() => this._go(s)}>${t.sections[s]}</button></li>`,
          )}
        </ul>
      </nav>
      ${this._section === 'courses' ? this._courses.render() : this._locations.render()}`;
  }

  render(): TemplateResult {
    const t = this._t();
    return html`<div class="root" lang=${this._api.lang()}>
      ${this._login.token ? this._renderBody(t) : this._login.render()}
    </div>`;
  }
}

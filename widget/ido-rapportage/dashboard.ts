/**
 * The body of `<ido-rapportage>`, loaded with `import()` by the element the first time it is
 * connected, so that pages with only the desk widget or the locator do not download it: the login
 * form, period and filters, key figures, chart sections with their tables, and the exports. A
 * ReactiveController of the element: its state lives here, and every change asks the element to
 * render again. The SVG charts are a further chunk (charts.ts), loaded once there are figures.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '../shared/task.js';
import type { ExportQuery, IdoClient, IdoClientOptions } from '../../sdk/client.js';
import { createHttp } from '../../sdk/http.js';
import { authApi } from '../../sdk/api/auth.js';
import { locationsApi } from '../../sdk/api/locations.js';
import { organisationsApi } from '../../sdk/api/organisations.js';
import { reportsApi } from '../../sdk/api/reports.js';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import type { CourseReport, Summary } from '../../sdk/schemas/reports.js';
import type { Location } from '../../sdk/schemas/location.js';
import type { Organisation, Session, User } from '../../sdk/schemas/resources.js';
import type { Lang } from '../shared/context.js';
import { catalogue, lowerFirst } from '../shared/i18n.js';
import { fingerprint } from '../shared/storage.js';
import { now } from '../shared/clock.js';
import { heatTabStop } from './heat-tab-stop.js';
import type * as Charts from './charts.js';
import { en } from './i18n.en.js';
import { nl, type RapportageMessages, type Ranked } from './i18n.nl.js';
import { styles } from './ido-rapportage.styles.js';
import {
  PERIOD_PRESETS, dayLabel, formatRange, isLocalDate, monthLabel, presetRange, previousRange, trendGrain, trendKeys, weekLabel,
  type DateRange, type PeriodPreset, type TrendGrain,
} from './period.js';

export { styles };

/** What the view needs of its element: read through closures, so the element keeps its members protected. */
export interface RapportageHostApi {
  /** The API origin, resolved (attribute, context, script origin). */
  api(): string;
  lang(): Lang;
  /** The `token` attribute. */
  token(): string;
  /** Fires `ido-login` on the element. */
  loggedIn(user: User): void;
  /** Fires `ido-logout` on the element. */
  loggedOut(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

type ChartId = 'topics' | 'agencies' | 'trend' | 'heatmap';
type ExportView = 'summary' | 'questions';

interface Meta {
  locations: Location[];
  organisations: Organisation[];
}

interface Report {
  range: DateRange;
  previous: DateRange;
  grain: TrendGrain;
  /** Totals and the topic groups of the period. */
  topics: Summary;
  /** Totals of the previous period. */
  before: Summary;
  agencies: Summary;
  trend: Summary;
  heat: Summary;
  courses: CourseReport;
  coursesBefore: CourseReport;
  /** The province filter the course figures were asked for (summed per location here; the course report has no province filter). */
  province: string;
}

interface LoginErrors {
  email?: string;
  password?: string;
}

/** What the element keeps of a session: in sessionStorage (gone when the tab closes), never in localStorage. */
interface StoredSession {
  token: string;
  expiresAt: string;
  user: User;
}

const SESSION_KEY = 'ido:rapportage:session:';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The bar charts show this many groups; the table shows all. */
const TOP_BARS = 10;

function readSession(api: string): StoredSession | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(SESSION_KEY + fingerprint(api));
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredSession;
    if (typeof stored?.token !== 'string' || typeof stored.user?.email !== 'string' || !(Date.parse(stored.expiresAt) > now().getTime())) {
      globalThis.sessionStorage.removeItem(SESSION_KEY + fingerprint(api));
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

function writeSession(api: string, session: StoredSession | null): void {
  try {
    if (session) globalThis.sessionStorage?.setItem(SESSION_KEY + fingerprint(api), JSON.stringify(session));
    else globalThis.sessionStorage?.removeItem(SESSION_KEY + fingerprint(api));
  } catch {
    // Without sessionStorage the session lives in memory only: a reload asks to log in again.
  }
}

const ICONS = {
  up: 'M12 4 4 14h5v6h6v-6h5L12 4Z',
  down: 'M12 20 4 10h5V4h6v6h5l-8 10Z',
  same: 'M4 9h16v2H4V9Zm0 4h16v2H4v-2Z',
  download: 'M11 3h2v9.2l3.3-3.3 1.4 1.4-5.7 5.7-5.7-5.7 1.4-1.4 3.3 3.3V3ZM4 19h16v2H4v-2Z',
} as const;

const icon = (name: keyof typeof ICONS) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${ICONS[name]}></path></svg>`;

/** The groups of a summary sorted by questions, most first (the API sorts by visits). */
const byQuestions = (groups: Summary['groups']) =>
  [...groups].sort((a, b) => b.questions - a.questions || b.visits - a.visits || a.label.localeCompare(b.label));

/** "1-09" → [1, 9]. */
function slotOf(key: string): [number, number] | null {
  const m = /^([1-7])-(\d{2})$/.exec(key);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Saves a Blob under a file name through a temporary link (the export needs a Bearer header, so a plain link cannot). */
function saveBlob(blob: Blob, name: string, root: ShadowRoot | HTMLElement): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The namespaces of the client the dashboard uses: only their schemas are bundled. */
type DashboardClient = Pick<IdoClient, 'auth' | 'locations' | 'organisations' | 'reports'>;

function dashboardClient(options: IdoClientOptions): DashboardClient {
  const http = createHttp(options);
  return { auth: authApi(http), locations: locationsApi(http), organisations: organisationsApi(http), reports: reportsApi(http) };
}

/** Login, dashboard and exports of `<ido-rapportage>`, as a controller of the element. */
export class RapportageView implements ReactiveController {
  private readonly _host: Host;
  private readonly _api: RapportageHostApi;
  private _clientCache?: { key: string; client: DashboardClient };
  /** The API origin the stored session was read for. */
  private _sessionApi?: string;
  /** The `token` attribute as last seen, to notice a new one. */
  private _lastToken?: string;
  private _chartsModule?: Promise<typeof Charts>;
  private _measure?: Charts.Measure;
  // Widths are applied in the next frame: drawing a chart in the observer's own frame changes the
  // layout it observes ("ResizeObserver loop completed with undelivered notifications").
  private readonly _resize = new ResizeObserver((entries) => {
    const sizes = entries.map((e) => [e.target as HTMLElement, Math.floor(e.contentRect.width)] as const);
    requestAnimationFrame(() => this._onResize(sizes));
  });
  /** Where focus goes after the next render (a selector in the shadow root). */
  private _focusAfterRender?: string;

  /** A session from the view's own login form. */
  private _session: StoredSession | null = null;
  /** The `token` attribute was refused (401): ask to log in instead. */
  private _tokenRejected = false;
  private _loginErrors: LoginErrors = {};
  private _loginProblem: string | null = null;
  private _notice = '';
  private _preset: PeriodPreset = 'this-month';
  /** The custom range as applied with "Toon cijfers". */
  private _custom: DateRange | null = null;
  private _dateError: { field: 'from' | 'to'; text: string } | null = null;
  private _locationId = '';
  private _organisationId = '';
  private _province = '';
  private _tables: ReadonlySet<ChartId> = new Set();
  private _widths: Readonly<Partial<Record<ChartId, number>>> = {};
  private _charts?: typeof Charts;
  private _chartsFailed = false;
  private _heatFocus: string | null = null;
  private _heatHover: string | null = null;
  /** Which of the two moved last: the readout follows the keyboard while it is used, the pointer while that is. */
  private _heatLast: 'focus' | 'hover' = 'focus';
  private _heatStop: string | null = null;

  private readonly _login: Task<readonly [string, string], Session>;
  private readonly _meta: Task<readonly [string, string, string], Meta>;
  private readonly _report: Task<readonly [string, string, string, string, string, string, string, string, string, string], Report>;
  private readonly _export: Task<readonly [ExportView], string>;

  constructor(host: Host, api: RapportageHostApi) {
    this._host = host;
    this._api = api;
    host.addController(this);

    this._login = new Task(host, {
      autoRun: false,
      task: ([email, password], { signal }) =>
        authApi(createHttp({ baseUrl: this._api.api(), lang: this._api.lang(), retry: 0 })).login({ email, password }, { signal }),
      onComplete: (session) => this._onLoggedIn(session),
      onError: (error) => this._onLoginError(error),
    });

    this._meta = new Task(host, {
      task: async ([, token], { signal }): Promise<Meta | typeof initialState> => {
        if (!token) return initialState;
        const client = this._client();
        const [locations, organisations] = await Promise.all([
          client.locations.list(undefined, { signal }),
          client.organisations.list(undefined, { signal }),
        ]);
        return { locations: locations.items, organisations: organisations.items };
      },
      args: () => [this._api.api(), this._token, this._api.lang()] as const,
      onError: (error) => this._onLoadError(error),
    });

    this._report = new Task(host, {
      task: async ([, token, , from, to, previousFrom, previousTo, locationId, organisationId, province], { signal }): Promise<Report | typeof initialState> => {
        if (!token) return initialState;
        const client = this._client();
        const range = { from, to };
        const previous = { from: previousFrom, to: previousTo };
        const grain = trendGrain(range);
        const filter = { locationId: locationId || undefined, organisationId: organisationId || undefined };
        const summaryFilter = { ...filter, province: province || undefined };
        // The course report has no province filter: ask per location and add up those in the province.
        const courseGroup = province && !locationId ? ('location' as const) : undefined;
        const o = { signal };
        const [topics, before, agencies, trend, heat, courses, coursesBefore] = await Promise.all([
          client.reports.summary({ ...range, ...summaryFilter, groupBy: 'topic' }, o),
          client.reports.summary({ ...previous, ...summaryFilter }, o),
          client.reports.summary({ ...range, ...summaryFilter, groupBy: 'agency' }, o),
          client.reports.summary({ ...range, ...summaryFilter, groupBy: grain }, o),
          client.reports.summary({ ...range, ...summaryFilter, groupBy: 'weekday-hour' }, o),
          client.reports.courses({ ...range, ...filter, groupBy: courseGroup }, o),
          client.reports.courses({ ...previous, ...filter, groupBy: courseGroup }, o),
        ]);
        return { range, previous, grain, topics, before, agencies, trend, heat, courses, coursesBefore, province };
      },
      args: () => {
        const range = this._range();
        const previous = previousRange(range, this._preset);
        return [
          this._api.api(), this._token, this._api.lang(), range.from, range.to, previous.from, previous.to,
          this._locationId, this._organisationId, this._province,
        ] as const;
      },
      onError: (error) => this._onLoadError(error),
    });

    this._export = new Task(host, {
      autoRun: false,
      task: async ([view], { signal }) => {
        const t = this._t();
        const range = this._range();
        // The export takes the same filters as the summary (the SDK's type names only the required ones).
        const exportQuery: ExportQuery & { locationId?: string; organisationId?: string; province?: string } = {
          format: view === 'summary' ? 'xlsx' : 'csv',
          view,
          from: range.from,
          to: range.to,
          locationId: this._locationId || undefined,
          organisationId: this._organisationId || undefined,
          province: this._province || undefined,
        };
        const blob = await this._client().reports.exportFile(exportQuery, { signal });
        const name = `ido-${view === 'summary' ? t.fileSummary : t.fileQuestions}-${range.from}-${range.to}.${exportQuery.format}`;
        saveBlob(blob, name, this._host.renderRoot as ShadowRoot);
        return name;
      },
      onError: (error) => this._onLoadError(error),
    });
  }

  hostDisconnected(): void {
    this._resize.disconnect();
  }

  /** Before each render: the stored session of this API origin, and a fresh chance for a new `token` attribute. */
  hostUpdate(): void {
    const api = this._api.api();
    if (api !== this._sessionApi) {
      this._sessionApi = api;
      this._session = readSession(api);
    }
    const token = this._api.token();
    if (token !== this._lastToken) {
      this._lastToken = token;
      this._tokenRejected = false;
    }
  }

  hostUpdated(): void {
    const root = this._host.renderRoot;
    for (const area of root.querySelectorAll<HTMLElement>('.chart-area')) this._resize.observe(area);
    if (this._report.value && !this._chartsModule) this._loadCharts();
    if (this._focusAfterRender) {
      const target = root.querySelector<HTMLElement>(this._focusAfterRender);
      this._focusAfterRender = undefined;
      target?.focus();
    }
  }

  /** Something on screen changed. */
  private _changed(): void {
    this._host.requestUpdate();
  }

  private _t(): RapportageMessages {
    return catalogue({ nl, en }, this._api.lang());
  }

  /** The credentials in use: the view's own session, else the `token` attribute (unless the server refused it). */
  private get _token(): string {
    return this._session?.token ?? (this._tokenRejected ? '' : this._api.token().trim());
  }

  private _client(): DashboardClient {
    const token = this._token;
    const key = `${this._api.api()} ${token} ${this._api.lang()}`;
    if (this._clientCache?.key !== key) {
      this._clientCache = { key, client: dashboardClient({ baseUrl: this._api.api(), token, lang: this._api.lang() }) };
    }
    return this._clientCache.client;
  }

  /** The period on screen; "Zelf kiezen" keeps the dates on screen until new ones are applied. */
  private _range(): DateRange {
    if (this._preset === 'custom' && this._custom) return this._custom;
    return presetRange(this._preset === 'custom' ? 'this-month' : this._preset, now());
  }

  private _isNational(meta: Meta | undefined): boolean {
    if (this._session) return this._session.user.role === 'national';
    return (meta?.organisations.length ?? 0) > 1;
  }

  private _hasFocus(): boolean {
    return !!(this._host.renderRoot as ShadowRoot).activeElement;
  }

  private _loadCharts(): void {
    this._chartsModule = import('./charts.js');
    this._chartsModule.then(
      (module) => {
        const style = getComputedStyle(this._host);
        this._measure = module.createMeasure({ family: style.fontFamily, size: parseFloat(style.fontSize) || 16 });
        this._charts = module;
        this._changed();
      },
      () => {
        this._chartsFailed = true;
        this._changed();
      },
    );
  }

  private _onResize(sizes: (readonly [HTMLElement, number])[]): void {
    const next = { ...this._widths };
    let changed = false;
    for (const [target, width] of sizes) {
      if (!target.isConnected) {
        this._resize.unobserve(target);
        continue;
      }
      const id = target.dataset.chart as ChartId;
      if (width > 0 && next[id] !== width) {
        next[id] = width;
        changed = true;
      }
    }
    if (changed) {
      this._widths = next;
      this._changed();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Logging in and out.

  private _validateLogin(form: HTMLFormElement, only?: keyof LoginErrors): LoginErrors {
    const t = this._t();
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const errors: LoginErrors = {};
    if (!only || only === 'email') {
      if (!email) errors.email = t.emailMissing;
      else if (!EMAIL.test(email)) errors.email = t.emailInvalid;
    }
    if ((!only || only === 'password') && !password) errors.password = t.passwordMissing;
    return errors;
  }

  private _onLoginSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this._login.status === TaskStatus.PENDING) return;
    const form = event.currentTarget as HTMLFormElement;
    const errors = this._validateLogin(form);
    this._loginErrors = errors;
    this._loginProblem = null;
    this._notice = '';
    if (errors.email || errors.password) {
      this._focusAfterRender = errors.email ? '#email' : '#password';
      this._changed();
      return;
    }
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    void this._login.run([email, password]);
  }

  /** After a field's error is shown, it goes away as soon as the field is right. */
  private _onLoginInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as keyof LoginErrors;
    if (!this._loginErrors[field]) return;
    const errors = this._validateLogin(input.form!, field);
    this._loginErrors = { ...this._loginErrors, [field]: errors[field] };
    this._changed();
  }

  private _onLoggedIn(session: Session): void {
    const stored: StoredSession = { token: session.token, expiresAt: session.expiresAt, user: session.user };
    writeSession(this._api.api(), stored);
    this._session = stored;
    this._loginProblem = null;
    this._notice = '';
    this._focusAfterRender = '#heading';
    this._changed();
    this._api.loggedIn(session.user);
  }

  private _onLoginError(error: unknown): void {
    const t = this._t();
    if (error instanceof DOMException && error.name === 'AbortError') return;
    if (isIdoHttpError(error) && (error.status === 401 || error.status === 422 || error.status === 400)) this._loginProblem = t.loginFailed;
    else if (isIdoHttpError(error) && error.status === 429) this._loginProblem = t.loginBusy;
    else if (isIdoNetworkError(error)) this._loginProblem = t.networkError;
    else this._loginProblem = t.loginServerError;
    this._focusAfterRender = '#login-problem';
    const password = this._host.renderRoot.querySelector<HTMLInputElement>('#password');
    if (password) password.value = '';
    this._changed();
  }

  private async _logout(): Promise<void> {
    const client = this._client();
    writeSession(this._api.api(), null);
    this._session = null;
    this._tokenRejected = !!this._api.token();
    this._notice = this._t().loggedOut;
    this._loginProblem = null;
    this._focusAfterRender = '#email';
    this._changed();
    this._api.loggedOut();
    // Ending the session on the server is a courtesy: it expires anyway, and the token is already forgotten here.
    await client.auth.logout().catch(() => undefined);
  }

  /** A 401 anywhere: the session is over; back to the login form, with a word on why. */
  private _onLoadError(error: unknown): void {
    if (!isIdoHttpError(error) || error.status !== 401) return;
    const hadFocus = this._hasFocus();
    if (this._session) {
      writeSession(this._api.api(), null);
      this._session = null;
    } else {
      this._tokenRejected = true;
    }
    this._loginProblem = this._t().sessionExpired;
    if (hadFocus) this._focusAfterRender = '#login-problem';
    this._changed();
  }

  // ------------------------------------------------------------------------------------------
  // Period and filters.

  private _onPreset(event: Event): void {
    const preset = (event.target as HTMLInputElement).value as PeriodPreset;
    if (preset === 'custom' && !this._custom) this._custom = this._range();
    this._dateError = null;
    this._preset = preset;
    this._changed();
  }

  private _onCustomSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const t = this._t();
    const form = event.currentTarget as HTMLFormElement;
    const from = (form.elements.namedItem('from') as HTMLInputElement).value;
    const to = (form.elements.namedItem('to') as HTMLInputElement).value;
    if (!isLocalDate(from) || !isLocalDate(to)) {
      this._dateError = { field: isLocalDate(from) ? 'to' : 'from', text: t.datesMissing };
    } else if (from > to) {
      this._dateError = { field: 'from', text: t.dateOrder };
    } else {
      this._dateError = null;
      this._custom = { from, to };
      this._changed();
      return;
    }
    this._focusAfterRender = `#date-${this._dateError.field}`;
    this._changed();
  }

  private _onOrganisation(event: Event, meta: Meta): void {
    this._organisationId = (event.target as HTMLSelectElement).value;
    const location = meta.locations.find((l) => l.id === this._locationId);
    if (location && this._organisationId && location.organisationId !== this._organisationId) this._locationId = '';
    this._changed();
  }

  private _onProvince(event: Event, meta: Meta): void {
    this._province = (event.target as HTMLSelectElement).value;
    const location = meta.locations.find((l) => l.id === this._locationId);
    if (location && this._province && (location.address.province ?? '') !== this._province) this._locationId = '';
    this._changed();
  }

  private _toggleTable(id: ChartId): void {
    const next = new Set(this._tables);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this._tables = next;
    this._changed();
  }

  private _download(view: ExportView): void {
    if (this._export.status === TaskStatus.PENDING) return;
    void this._export.run([view]);
  }

  // ------------------------------------------------------------------------------------------
  // Rendering.

  private _renderLogin(t: RapportageMessages) {
    const errors = this._loginErrors;
    const pending = this._login.status === TaskStatus.PENDING;
    const field = (name: 'email' | 'password', label: string, type: string, autocomplete: string) => {
      const error = errors[name];
      return html`<div class="field">
        <label for=${name}>${label}</label>
        ${error ? html`<p class="error" id="${name}-error"><span class="visually-hidden">${t.errorPrefix}</span>${error}</p>` : nothing}
        <input id=${name} name=${name} class="control" type=${type} autocomplete=${autocomplete} required
          spellcheck="false" autocapitalize="off" inputmode=${type === 'email' ? 'email' : nothing}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${name}-error` : nothing}
          @input=${(e: Event) => this._onLoginInput(e)} />
      </div>`;
    };
    return html`<section class="login" part="login" aria-labelledby="login-heading">
      <h2 id="login-heading" tabindex="-1">${t.loginHeading}</h2>
      <p>${t.loginIntro}</p>
      <p class="notice" role="status">${this._notice}</p>
      ${this._loginProblem
        ? html`<div class="problem" id="login-problem" tabindex="-1"><p><span class="visually-hidden">${t.errorPrefix}</span>${this._loginProblem}</p></div>`
        : nothing}
      <form part="login-form" novalidate @submit=${(e: SubmitEvent) => this._onLoginSubmit(e)}>
        ${field('email', t.email, 'email', 'username')}
        ${field('password', t.password, 'password', 'current-password')}
        <div class="actions">
          <button class="button primary" part="login-button" type="submit" aria-disabled=${pending ? 'true' : 'false'}>${t.login}</button>
          <span role="status">${pending ? t.loggingIn : ''}</span>
        </div>
      </form>
    </section>`;
  }

  private _renderControls(t: RapportageMessages, meta: Meta | undefined, range: DateRange, previous: DateRange) {
    const lang = this._api.lang();
    const national = this._isNational(meta);
    const organisations = meta?.organisations ?? [];
    const provinces = [...new Set((meta?.locations ?? []).map((l) => l.address.province?.trim() ?? '').filter(Boolean))]
      .sort((a, b) => a.localeCompare(b, t.locale));
    const locations = (meta?.locations ?? []).filter((l) =>
      (!this._organisationId || l.organisationId === this._organisationId) &&
      (!this._province || (l.address.province ?? '') === this._province));
    const custom = this._preset === 'custom';
    const shown = this._custom ?? range;
    const dateError = this._dateError;
    const dateField = (name: 'from' | 'to', label: string, value: string) => html`<div class="field">
      <label for="date-${name}">${label}</label>
      <input id="date-${name}" name=${name} class="control" type="date" .value=${value}
        aria-invalid=${dateError?.field === name ? 'true' : 'false'} aria-describedby=${dateError?.field === name ? 'date-error' : nothing} />
    </div>`;
    const select = (id: string, label: string, all: string, value: string, options: { value: string; label: string }[], onChange: (e: Event) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} class="control" @change=${onChange}>
          <option value="" ?selected=${!value}>${all}</option>
          ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
        </select>
      </div>`;

    return html`<section class="controls" part="controls" aria-label=${t.controlsLabel}>
      <fieldset>
        <legend>${t.period}</legend>
        <div class="segments">
          ${PERIOD_PRESETS.map((preset) => html`<label class="segment">
            <input type="radio" name="preset" value=${preset} .checked=${this._preset === preset} @change=${(e: Event) => this._onPreset(e)} />
            <span>${t.presets[preset]}</span>
          </label>`)}
        </div>
      </fieldset>
      ${custom
        ? html`<form class="custom" novalidate @submit=${(e: SubmitEvent) => this._onCustomSubmit(e)}>
            ${dateError ? html`<p class="error" id="date-error"><span class="visually-hidden">${t.errorPrefix}</span>${dateError.text}</p>` : nothing}
            ${dateField('from', t.from, shown.from)}
            ${dateField('to', t.to, shown.to)}
            <button class="button primary" type="submit">${t.apply}</button>
          </form>`
        : nothing}
      ${meta && (national || meta.locations.length > 1)
        ? html`<div class="filters">
            ${national && organisations.length > 1
              ? select('organisation', t.organisation, t.allOrganisations, this._organisationId,
                organisations.map((o) => ({ value: o.id, label: o.name })), (e) => this._onOrganisation(e, meta))
              : nothing}
            ${national && provinces.length > 1
              ? select('province', t.province, t.allProvinces, this._province,
                provinces.map((p) => ({ value: p, label: p })), (e) => this._onProvince(e, meta))
              : nothing}
            ${locations.length > 1 || this._locationId
              ? select('location', t.location, t.allLocations, this._locationId,
                locations.map((l) => ({ value: l.id, label: l.name })), (e) => {
                  this._locationId = (e.target as HTMLSelectElement).value;
                  this._changed();
                })
              : nothing}
          </div>`
        : nothing}
      <p class="period-line"><strong>${t.figuresFor(formatRange(range, lang))}</strong>, ${t.comparedWith(formatRange(previous, lang))}.</p>
    </section>`;
  }

  private _change(t: RapportageMessages, current: number, previous: number) {
    const fmt = new Intl.NumberFormat(t.locale);
    if (previous === 0 && current === 0) return html`<p class="change">${icon('same')}<span>${t.same(fmt.format(0))}</span></p>`;
    if (previous === 0) return html`<p class="change"><span>${t.fromNothing}</span></p>`;
    const percent = Math.round((Math.abs(current - previous) / previous) * 100);
    // From a handful, a percentage says little ("20.300% meer"): then the difference itself.
    const change = previous < 10 || percent > 300 ? fmt.format(Math.abs(current - previous))
      : percent < 1 ? '<1%' : `${fmt.format(percent)}%`;
    if (current === previous) return html`<p class="change">${icon('same')}<span>${t.same(fmt.format(previous))}</span></p>`;
    return current > previous
      ? html`<p class="change">${icon('up')}<span>${t.more(change, fmt.format(previous))}</span></p>`
      : html`<p class="change">${icon('down')}<span>${t.less(change, fmt.format(previous))}</span></p>`;
  }

  /** Course figures, summed over the province's locations when a province is chosen without a location. */
  private _courseTotals(report: CourseReport, province: string, meta: Meta | undefined): { runs: number; enrolled: number } {
    if (!province || !report.groups.length) return province && meta ? { runs: 0, enrolled: 0 } : report;
    const inProvince = new Set((meta?.locations ?? []).filter((l) => (l.address.province ?? '') === province).map((l) => l.id));
    return report.groups.filter((g) => inProvince.has(g.key)).reduce((sum, g) => ({ runs: sum.runs + g.runs, enrolled: sum.enrolled + g.enrolled }), { runs: 0, enrolled: 0 });
  }

  private _renderFigures(t: RapportageMessages, report: Report, meta: Meta | undefined) {
    const fmt = new Intl.NumberFormat(t.locale);
    const percent = new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 0 });
    const { topics: now, before } = report;
    const share = now.visits ? now.referred / now.visits : null;
    const shareBefore = before.visits ? before.referred / before.visits : null;
    const courses = this._courseTotals(report.courses, report.province, meta);
    const coursesBefore = this._courseTotals(report.coursesBefore, report.province, meta);

    let shareChange: TemplateResult | typeof nothing = nothing;
    if (shareBefore === null) {
      shareChange = html`<p class="change"><span>${t.fromNothing}</span></p>`;
    } else if (share !== null) {
      const points = Math.round(share * 100) - Math.round(shareBefore * 100);
      shareChange = points === 0
        ? html`<p class="change">${icon('same')}<span>${t.same(percent.format(shareBefore))}</span></p>`
        : html`<p class="change">${icon(points > 0 ? 'up' : 'down')}<span>${(points > 0 ? t.pointsHigher : t.pointsLower)(fmt.format(Math.abs(points)), percent.format(shareBefore))}</span></p>`;
    }

    const figure = (id: string, label: string, value: string, detail: TemplateResult | typeof nothing, change: TemplateResult | typeof nothing) =>
      html`<li class="figure" part="figure" aria-labelledby="fig-${id}">
        <h4 id="fig-${id}">${label}</h4>
        <p class="value">${value}</p>
        ${detail}
        ${change}
      </li>`;

    return html`<section aria-labelledby="figures-heading">
      <h3 id="figures-heading" class="visually-hidden">${t.figuresHeading}</h3>
      <ul class="figures" part="figures" role="list">
        ${figure('visits', t.visits, fmt.format(now.visits), nothing, this._change(t, now.visits, before.visits))}
        ${figure('questions', t.questions, fmt.format(now.questions), nothing, this._change(t, now.questions, before.questions))}
        ${figure('referred', t.referred, share === null ? '–' : percent.format(share),
          html`<p class="detail">${t.referredOf(fmt.format(now.referred), fmt.format(now.visits))}</p>`, shareChange)}
        ${figure('participants', t.participants, fmt.format(courses.enrolled),
          html`<p class="detail">${t.inCourses(courses.runs)}</p>`, this._change(t, courses.enrolled, coursesBefore.enrolled))}
      </ul>
    </section>`;
  }

  private _renderSkeleton(t: RapportageMessages) {
    const card = (label: string) => html`<li class="figure">
      <h4>${label}</h4>
      <span class="skeleton figure-value"></span>
      <span class="skeleton line"></span>
    </li>`;
    return html`<section aria-labelledby="figures-heading" aria-busy="true">
      <h3 id="figures-heading" class="visually-hidden">${t.figuresHeading}</h3>
      <ul class="figures" part="figures" role="list">${[t.visits, t.questions, t.referred, t.participants].map(card)}</ul>
    </section>`;
  }

  /** A scrolling, focusable region around a table, named by its caption. */
  private _table(id: ChartId, caption: string, head: TemplateResult, rows: TemplateResult[], extraClass = '') {
    // The caption is also shown above the region: inside it, a long caption would scroll out of sight with a wide table.
    return html`<p class="table-title" aria-hidden="true">${caption}</p>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}-caption">
      <table part="table" class=${extraClass}>
        <caption id="${id}-caption" class="visually-hidden">${caption}</caption>
        <thead>${head}</thead>
        <tbody>${rows}</tbody>
      </table>
    </div>`;
  }

  private _chartCard(t: RapportageMessages, id: ChartId, heading: string, intro: string | null, summary: string,
    chart: (width: number, charts: typeof Charts) => TemplateResult, table: () => TemplateResult, wide: boolean, after?: TemplateResult) {
    const asTable = this._tables.has(id) || this._chartsFailed;
    const width = this._widths[id] ?? 0;
    let body: TemplateResult | string;
    if (asTable) body = table();
    else if (this._charts && width > 0) body = chart(width, this._charts);
    else body = html`<p class="hint">${t.chartLoading}</p>`;
    return html`<section class="chart-card ${wide ? 'wide' : ''}" part="chart" aria-labelledby="${id}-heading">
      <div class="chart-head">
        <h3 id="${id}-heading">${heading}</h3>
        ${this._chartsFailed
          ? nothing
          : html`<button class="button quiet" type="button" aria-controls="${id}-area" @click=${() => this._toggleTable(id)}>${asTable ? t.showChart : t.showTable}</button>`}
      </div>
      ${intro ? html`<p class="hint">${intro}</p>` : nothing}
      <p class="summary" id="${id}-summary">${summary}</p>
      ${this._chartsFailed ? html`<p class="hint">${t.chartFailed}</p>` : nothing}
      <div class="chart-area" id="${id}-area" data-chart=${id}>${body}</div>
      ${asTable ? nothing : after ?? nothing}
    </section>`;
  }

  private _renderCharts(t: RapportageMessages, report: Report) {
    const lang = this._api.lang();
    const fmt = new Intl.NumberFormat(t.locale);
    const format = (n: number) => fmt.format(n);
    const range = formatRange(report.range, lang);
    const measure: Charts.Measure = (text, size) => this._measure?.(text, size) ?? text.length * 9;
    // Topics read as words inside a sentence ("daarna huurtoeslag (4)"); agencies are names and keep their capitals.
    const top3 = (groups: Summary['groups'], inSentence: boolean): Ranked[] =>
      groups.slice(0, 3).map((g) => ({ label: inSentence ? lowerFirst(g.label) : g.label, count: g.questions }));

    // Topics and agencies: questions per group, most first.
    const groupCard = (id: 'topics' | 'agencies', summary: Summary, heading: string, intro: string | null,
      summarise: (items: Ranked[]) => string, caption: string, column: string) => {
      const groups = byQuestions(summary.groups);
      const bars = groups.slice(0, TOP_BARS).map((g) => ({ key: g.key, label: g.label, value: g.questions }));
      return this._chartCard(t, id, heading, intro, summarise(top3(groups, id === 'topics')),
        (width, charts) => (bars.length ? charts.barChart(bars, { width, format, measure }) : html`<p>${t.noData}</p>`),
        () => this._table(id, caption,
          html`<tr><th scope="col">${column}</th><th scope="col" class="number">${t.questionsColumn}</th><th scope="col" class="number">${t.visitsColumn}</th></tr>`,
          groups.map((g) => html`<tr><th scope="row">${g.label}</th><td class="number">${format(g.questions)}</td><td class="number">${format(g.visits)}</td></tr>`)),
        false,
        groups.length > TOP_BARS ? html`<p class="hint">${t.onlyTop(TOP_BARS, groups.length)}</p>` : undefined);
    };

    // The trend: every week or month of the period, also those without visits.
    const counted = new Map(report.trend.groups.map((g) => [g.key, g]));
    const multiYear = report.range.from.slice(0, 4) !== report.range.to.slice(0, 4);
    const label = { day: dayLabel, week: weekLabel, month: monthLabel }[report.grain];
    const trend = trendKeys(report.range, report.grain).map((key) => ({
      key,
      label: report.grain === 'week' ? weekLabel(key, lang, multiYear) : label(key, lang),
      short: report.grain === 'week' ? weekLabel(key, lang, false, true) : label(key, lang, true),
      value: counted.get(key)?.visits ?? 0,
      questions: counted.get(key)?.questions ?? 0,
    }));
    let trendSummary = t.noData;
    if (trend.length && report.topics.visits > 0) {
      const busiest = trend.reduce((a, b) => (b.value > a.value ? b : a));
      const quietest = trend.reduce((a, b) => (b.value < a.value ? b : a));
      trendSummary = t.trendSummary(report.grain, { label: busiest.label, count: busiest.value },
        trend.length > 1 ? { label: quietest.label, count: quietest.value } : null, report.topics.visits);
    }

    // The heatmap: Monday to Friday always, the weekend when there were visits; office hours at least.
    const counts = new Map<string, number>();
    const slots: { day: number; hour: number; visits: number }[] = [];
    for (const g of report.heat.groups) {
      const slot = slotOf(g.key);
      if (!slot) continue;
      counts.set(g.key, g.visits);
      slots.push({ day: slot[0], hour: slot[1], visits: g.visits });
    }
    const days = [...new Set([1, 2, 3, 4, 5, ...slots.map((s) => s.day)])].sort((a, b) => a - b);
    const firstHour = Math.min(9, ...slots.map((s) => s.hour));
    const lastHour = Math.max(16, ...slots.map((s) => s.hour));
    const hours = Array.from({ length: lastHour - firstHour + 1 }, (_, i) => firstHour + i);
    const busiest = [...slots].sort((a, b) => b.visits - a.visits || a.day - b.day || a.hour - b.hour);
    const heatSummary = t.heatmapSummary(busiest.slice(0, 3).map((s) => ({ label: t.slot(t.weekdays[s.day - 1], s.hour), count: s.visits })));
    const stop = heatTabStop({ days, hours, busiest }, this._heatStop);
    const active = this._heatLast === 'focus' ? this._heatFocus ?? this._heatHover : this._heatHover ?? this._heatFocus;
    const activeSlot = active ? slotOf(active) : null;
    const readout = activeSlot
      ? t.heatmapCell(t.weekdays[activeSlot[0] - 1], t.hourRange(activeSlot[1]), counts.get(active!) ?? 0)
      : t.heatmapLegend;

    return html`<div class="charts">
      ${groupCard('topics', report.topics, t.topicsHeading, null, t.topicsSummary, t.topicsCaption(range), t.topicColumn)}
      ${groupCard('agencies', report.agencies, t.agenciesHeading, t.agenciesIntro, t.agenciesSummary, t.agenciesCaption(range), t.agencyColumn)}
      ${this._chartCard(t, 'trend', t.trendHeading, t.trendPer[report.grain], trendSummary,
        (width, charts) => charts.trendChart(trend, { width, format, measure }),
        () => this._table('trend', t.trendCaption(range, report.grain),
          html`<tr><th scope="col">${{ day: t.dateColumn, week: t.weekColumn, month: t.monthColumn }[report.grain]}</th><th scope="col" class="number">${t.visitsColumn}</th><th scope="col" class="number">${t.questionsColumn}</th></tr>`,
          trend.map((b) => html`<tr><th scope="row">${b.label}</th><td class="number">${format(b.value)}</td><td class="number">${format(b.questions)}</td></tr>`)),
        true)}
      ${this._chartCard(t, 'heatmap', t.heatmapHeading, t.heatmapIntro, heatSummary,
        (width, charts) => charts.heatmap({
          width, format, measure, counts, days, hours,
          dayShort: t.weekdaysShort,
          cellLabel: (day, hour, count) => t.heatmapCell(t.weekdays[day - 1], t.hourRange(hour), count),
          label: t.heatmapLabel,
          active,
          tabStop: stop,
          onFocus: (key) => {
            this._heatFocus = key;
            if (key) {
              this._heatStop = key;
              this._heatLast = 'focus';
            }
            this._changed();
          },
          onHover: (key) => {
            if (key === this._heatHover) return;
            this._heatHover = key;
            if (key) this._heatLast = 'hover';
            this._changed();
          },
        }),
        () => this._table('heatmap', t.heatmapCaption(range),
          html`<tr><th scope="col">${t.dayColumn}</th>${hours.map((h) => html`<th scope="col" class="number">${t.hourRange(h)}</th>`)}</tr>`,
          days.map((d) => html`<tr><th scope="row">${t.weekdays[d - 1]}</th>${hours.map((h) => html`<td class="number">${format(counts.get(`${d}-${String(h).padStart(2, '0')}`) ?? 0)}</td>`)}</tr>`),
          'heat-table'),
        true,
        html`<p class="readout ${activeSlot ? 'on' : ''}" aria-hidden="true">${readout}</p>`)}
    </div>`;
  }

  private _renderExports(t: RapportageMessages) {
    const status = this._export.status;
    const pending = status === TaskStatus.PENDING;
    const button = (view: ExportView, label: string, hint: string) => html`<li>
      <button class="button" part="export-button" type="button" aria-describedby="export-${view}-hint"
        aria-disabled=${pending ? 'true' : 'false'} @click=${() => this._download(view)}>${icon('download')}<span>${label}</span></button>
      <p class="hint" id="export-${view}-hint">${hint}</p>
    </li>`;
    let message: TemplateResult | string = '';
    if (pending) message = t.exporting;
    else if (status === TaskStatus.COMPLETE && this._export.value) message = t.exported(this._export.value);
    else if (status === TaskStatus.ERROR && !(isIdoHttpError(this._export.error) && this._export.error.status === 401)) {
      message = html`<span class="error"><span class="visually-hidden">${t.errorPrefix}</span>${t.exportFailed}</span>`;
    }
    return html`<section class="exports" part="exports" aria-labelledby="exports-heading">
      <h3 id="exports-heading">${t.exportHeading}</h3>
      <p>${t.exportIntro}</p>
      <ul role="list">
        ${button('summary', t.exportSummary, t.exportSummaryHint)}
        ${button('questions', t.exportQuestions, t.exportQuestionsHint)}
      </ul>
      <p class="status" role="status">${message}</p>
    </section>`;
  }

  private _renderProblem(t: RapportageMessages, error: unknown) {
    let text = t.loadError;
    if (isIdoNetworkError(error)) text = t.loadNetworkError;
    else if (isIdoHttpError(error) && error.status === 429) text = t.loadBusy;
    else if (isIdoHttpError(error) && error.status === 403) text = t.forbidden;
    else if (isIdoHttpError(error) && error.status === 404) text = t.notFound;
    const notFound = isIdoHttpError(error) && error.status === 404;
    return html`<div class="problem" role="alert">
      <p><span class="visually-hidden">${t.errorPrefix}</span>${text}</p>
      <p><button class="button" type="button" @click=${() => {
        if (notFound) {
          this._locationId = '';
          this._organisationId = '';
          this._province = '';
          this._changed();
        } else {
          void this._report.run();
        }
      }}>${notFound ? t.allLocations : t.retry}</button></p>
    </div>`;
  }

  private _renderDashboard(t: RapportageMessages) {
    const meta = this._meta.value;
    const range = this._range();
    const previous = previousRange(range, this._preset);
    const status = this._report.status;
    const report = this._report.value;
    const organisationName = !this._isNational(meta) && meta?.organisations.length === 1 ? meta.organisations[0].name : '';
    const pending = status === TaskStatus.PENDING || status === TaskStatus.INITIAL;

    let body: TemplateResult;
    if (status === TaskStatus.ERROR) body = this._renderProblem(t, this._report.error);
    else if (!report) body = this._renderSkeleton(t);
    else {
      const empty = report.topics.visits === 0;
      body = html`<div class=${pending ? 'busy' : ''} aria-busy=${pending ? 'true' : 'false'}>
        <div class="root">
          ${this._renderFigures(t, report, meta)}
          ${empty
            ? html`<div class="empty"><h3>${t.emptyHeading}</h3><p>${t.emptyHint}</p></div>`
            : this._renderCharts(t, report)}
          ${this._renderExports(t)}
        </div>
      </div>`;
    }

    return html`<header class="top">
        <div>
          <h2 id="heading" tabindex="-1">${t.heading}</h2>
          ${organisationName ? html`<p class="organisation">${organisationName}</p>` : nothing}
        </div>
        ${this._session
          ? html`<p class="account"><span>${t.loggedInAs(this._session.user.email)}</span>
              <button class="button quiet" type="button" @click=${() => void this._logout()}>${t.logout}</button></p>`
          : nothing}
      </header>
      ${this._renderControls(t, meta, range, previous)}
      <p class="status" role="status">${pending ? (report ? t.updating : t.loading) : ''}</p>
      ${body}`;
  }

  /** The login form, or the dashboard once there are credentials. */
  render(): TemplateResult {
    const t = this._t();
    return html`<div class="root" lang=${this._api.lang()}>
      ${this._token ? this._renderDashboard(t) : this._renderLogin(t)}
    </div>`;
  }
}

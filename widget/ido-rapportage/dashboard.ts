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
import { locationsApi } from '../../sdk/api/locations.js';
import { organisationsApi } from '../../sdk/api/organisations.js';
import { reportsApi } from '../../sdk/api/reports.js';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import type { User } from '../../sdk/schemas/resources.js';
import type { Lang } from '../../sdk/schemas/common.js';
import { lazyCatalogue } from '../shared/i18n.js';
import { now } from '../shared/clock.js';
import { ChartCards } from './chart-cards.js';
import { renderControls } from './controls.js';
import { renderFigures, renderSkeleton } from './figures.js';
import { LoginController, loginTexts } from '../shared/login.js';
import { nl, type DashboardTexts } from './i18n.dashboard.nl.js';
import { styles } from './ido-rapportage.styles.js';
import {
  PERIOD_PRESETS,
  formatRange,
  isLocalDate,
  presetRange,
  previousRange,
  trendGrain,
  type DateRange,
  type PeriodPreset,
} from './period.js';
import { icon, type Meta, type Report } from './report.js';

export { styles, loginTexts };

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

type ExportView = 'summary' | 'questions';

/** The dashboard's texts: Dutch built in, English a chunk of its own (the element waits for it before it renders). */
export const texts = lazyCatalogue(nl, async () => (await import('./i18n.dashboard.en.js')).en);

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
type DashboardClient = Pick<IdoClient, 'locations' | 'organisations' | 'reports'>;

function dashboardClient(options: IdoClientOptions): DashboardClient {
  const http = createHttp(options);
  return { locations: locationsApi(http), organisations: organisationsApi(http), reports: reportsApi(http) };
}

/** Login, dashboard and exports of `<ido-rapportage>`, as a controller of the element. */
export class RapportageView implements ReactiveController {
  private readonly _host: Host;
  private readonly _api: RapportageHostApi;
  private _clientCache?: { key: string; client: DashboardClient };
  /** Where focus goes after the next render (a selector in the shadow root). */
  private _focusAfterRender?: string;
  /** The session: the shared login form, or the `token` attribute. */
  private readonly _login: LoginController;
  private _preset: PeriodPreset = 'this-month';
  /** The custom range as applied with "Toon cijfers". */
  private _custom: DateRange | null = null;
  private _dateError: { field: 'from' | 'to'; text: string } | null = null;
  private _locationId = '';
  private _organisationId = '';
  private _province = '';
  private readonly _cards: ChartCards;
  private readonly _meta: Task<readonly [string, string, string], Meta>;
  private readonly _report: Task<readonly [string, string, string, string, string, string, string, string, string, string], Report>;
  private readonly _export: Task<readonly [ExportView], string>;

  constructor(host: Host, api: RapportageHostApi) {
    this._host = host;
    this._api = api;
    // First, so that the session is read before the tasks below look at the token.
    this._login = new LoginController(host, {
      ...api,
      copy: () => ({ heading: this._t().loginHeading, intro: this._t().loginIntro }),
    });
    host.addController(this);
    this._cards = new ChartCards(host);

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
      task: async (
        [, token, , from, to, previousFrom, previousTo, locationId, organisationId, province],
        { signal },
      ): Promise<Report | typeof initialState> => {
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
          this._api.api(),
          this._token,
          this._api.lang(),
          range.from,
          range.to,
          previous.from,
          previous.to,
          this._locationId,
          this._organisationId,
          this._province,
        ] as const;
      },
      onError: (error) => this._onLoadError(error),
    });

    this._export = new Task(host, {
      autoRun: false,
      task: async ([view], { signal }) => {
        const t = this._t();
        const range = this._range();
        // The export takes the same filters as the summary.
        const exportQuery: ExportQuery = {
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

  hostUpdated(): void {
    const root = this._host.renderRoot;
    if (this._report.value) this._cards.load();
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

  private _t(): DashboardTexts {
    return texts.get(this._api.lang());
  }

  /** The credentials in use: the view's own session, else the `token` attribute (unless the server refused it). */
  private get _token(): string {
    return this._login.token;
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
    const user = this._login.user;
    if (user) return user.role === 'national';
    return (meta?.organisations.length ?? 0) > 1;
  }

  /** A 401 anywhere: the session is over; the login form says so. */
  private _onLoadError(error: unknown): void {
    this._login.authFailed(error);
  }

  // ------------------------------------------------------------------------------------------
  // Period and filters.

  private _onPreset(preset: PeriodPreset): void {
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

  private _onOrganisation(id: string, meta: Meta): void {
    this._organisationId = id;
    const location = meta.locations.find((l) => l.id === this._locationId);
    if (location && this._organisationId && location.organisationId !== this._organisationId) this._locationId = '';
    this._changed();
  }

  private _onProvince(province: string, meta: Meta): void {
    this._province = province;
    const location = meta.locations.find((l) => l.id === this._locationId);
    if (location && this._province && (location.address.province ?? '') !== this._province) this._locationId = '';
    this._changed();
  }

  private _download(view: ExportView): void {
    if (this._export.status === TaskStatus.PENDING) return;
    void this._export.run([view]);
  }

  // ------------------------------------------------------------------------------------------
  // Rendering.

  private _renderExports(t: DashboardTexts) {
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

  private _renderProblem(t: DashboardTexts, error: unknown) {
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

  private _renderDashboard(t: DashboardTexts) {
    const meta = this._meta.value;
    const range = this._range();
    const previous = previousRange(range, this._preset);
    const status = this._report.status;
    const report = this._report.value;
    const organisationName = !this._isNational(meta) && meta?.organisations.length === 1 ? meta.organisations[0].name : '';
    const pending = status === TaskStatus.PENDING || status === TaskStatus.INITIAL;

    let body: TemplateResult;
    if (status === TaskStatus.ERROR) body = this._renderProblem(t, this._report.error);
    else if (!report) body = renderSkeleton(t);
    else {
      const empty = report.topics.visits === 0;
      body = html`<div class=${pending ? 'busy' : ''} aria-busy=${pending ? 'true' : 'false'}>
        <div class="root">
          ${renderFigures(t, report, meta)}
          ${
            empty
              ? html`<div class="empty"><h3>${t.emptyHeading}</h3><p>${t.emptyHint}</p></div>`
              : this._cards.render(t, report, this._api.lang())
          }
          ${this._renderExports(t)}
        </div>
      </div>`;
    }

    return html`<header class="top">
        <div>
          <h2 id="heading" tabindex="-1">${t.heading}</h2>
          ${organisationName ? html`<p class="organisation">${organisationName}</p>` : nothing}
        </div>
        ${this._login.renderAccount()}
      </header>
      ${renderControls(
        {
          t,
          lang: this._api.lang(),
          meta,
          national: this._isNational(meta),
          preset: this._preset,
          custom: this._custom,
          dateError: this._dateError,
          range,
          previous,
          filter: { locationId: this._locationId, organisationId: this._organisationId, province: this._province },
        },
        {
          preset: (preset) => this._onPreset(preset),
          customSubmit: (e) => this._onCustomSubmit(e),
          organisation: (id, m) => this._onOrganisation(id, m),
          province: (province, m) => this._onProvince(province, m),
          location: (id) => {
            this._locationId = id;
            this._changed();
          },
        },
      )}
      <p class="status" role="status">${pending ? (report ? t.updating : t.loading) : ''}</p>
      ${body}`;
  }

  /** The login form, or the dashboard once there are credentials. */
  render(): TemplateResult {
    const t = this._t();
    return html`<div class="root" lang=${this._api.lang()}>
      ${this._token ? this._renderDashboard(t) : this._login.render()}
    </div>`;
  }
}

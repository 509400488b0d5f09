/** `<ido-locator>`: the public finds the nearest IDO by postcode, place or location, and sees whether it is open. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { createIdoClient, type IdoClient, type NearestQuery } from '../../sdk/client.js';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import { formatDistance } from '../../sdk/geo.js';
import { holidayLabel, holidayOn, type HolidayCode } from '../../sdk/holidays.js';
import {
  addDays, amsterdamParts, describeOpenState, hoursOn, openState,
  type OpenState, type OpeningException, type OpeningSchedule,
} from '../../sdk/opening-hours.js';
import { parsePostcode } from '../../sdk/postcode.js';
import type { PublicLocation, PublicLocations } from '../../sdk/schemas/reports.js';
import { IdoElement } from '../shared/ido-element.js';
import { catalogue, formatList } from '../shared/i18n.js';
import { en } from './i18n.en.js';
import { nl, type LocatorMessages } from './i18n.nl.js';
import { styles } from './ido-locator.styles.js';
import type { LocatorMap } from './map.js';

/**
 * Fired when the visitor chooses a location with its "Kies" button (only shown with the
 * `selectable` attribute). Never fired by a programmatic change.
 */
export class IdoLocationSelectEvent extends CustomEvent<PublicLocation> {
  static readonly eventName = 'ido-location-select';
  constructor(location: PublicLocation) {
    super(IdoLocationSelectEvent.eventName, { detail: location, bubbles: true, composed: true });
  }
}

/** What the visitor asked for, kept with the answer so that the result line says where it was for. */
type Search =
  | { kind: 'postcode'; postcode: string; label: string }
  | { kind: 'place'; q: string; label: string }
  | { kind: 'here' };

interface Found {
  search: Search;
  result: PublicLocations;
}

/** Why the field is marked invalid. */
type FieldProblem = 'invalid' | 'unknown-postcode' | 'unknown-place' | 'lookup-unavailable';
/** Why a search as a whole failed. */
type SearchProblem = 'denied' | 'unavailable' | 'network' | 'server' | 'busy';

const ICONS = {
  open: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9Z',
  closed: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm.5-13H11v6l5.2 3.2.8-1.3-4.5-2.7V7Z',
  chevron: 'M10 6 8.6 7.4l4.6 4.6-4.6 4.6L10 18l6-6-6-6Z',
  here: 'M21 3 3 10.5v1l6.8 2.7L12.5 21h1L21 3Z',
  search: 'M15.5 14h-.8l-.3-.3a6.5 6.5 0 1 0-.7.7l.3.3v.8l5 5 1.5-1.5-5-5Zm-6 0a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9Z',
  route: 'M21.7 11.3l-9-9a1 1 0 0 0-1.4 0l-9 9a1 1 0 0 0 0 1.4l9 9a1 1 0 0 0 1.4 0l9-9a1 1 0 0 0 0-1.4ZM14 14.5V12h-4v3H8v-4c0-.6.4-1 1-1h5V7.5l3.5 3.5-3.5 3.5Z',
  phone: 'M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.2c1.1.4 2.3.6 3.6.6a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.3.2 2.5.6 3.6a1 1 0 0 1-.3 1l-2.2 2.2Z',
} as const;

const icon = (name: keyof typeof ICONS) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${ICONS[name]}></path></svg>`;

/** A place name: letters, spaces, hyphens, apostrophes and dots ("'s-Hertogenbosch", "Bergen op Zoom"). */
const PLACE = /^['’]?\p{L}[\p{L}\s'’.-]*$/u;
const MINUTE_MS = 60_000;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function scheduleOf(location: PublicLocation): OpeningSchedule {
  return {
    walkInHours: location.walkInHours,
    exceptions: location.exceptions as unknown as OpeningException[],
    closedOnHolidays: location.closedOnHolidays as HolidayCode[],
  };
}

/** The open state now; the server's answer when the schedule cannot be read. */
function stateOf(location: PublicLocation, schedule: OpeningSchedule, now: Date): OpenState {
  try {
    return openState(schedule, now);
  } catch {
    return { openNow: location.openNow, nextChange: location.nextChange };
  }
}

function rangesOn(schedule: OpeningSchedule, date: string): { opens: string; closes: string }[] {
  try {
    return hoursOn(schedule, date);
  } catch {
    return [];
  }
}

/** ISO weekday (1 = Monday) of a local date; the date is a calendar day, so UTC noon is safe. */
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * Finds the nearest Informatiepunt Digitale Overheid (IDO) for the public: by postcode, place
 * name or the visitor's location (asked only after a click), with for each location whether it
 * is open now, today's walk-in hours, the week, the address, a route link, the phone number and
 * accessibility, in plain Dutch (or English). No key, no cookies, no tracking; without the `map`
 * attribute no request goes to any other server than the IDO server.
 *
 * @summary Finds the nearest IDO for the public and says whether it is open now.
 *
 * @csspart form - The search form (field, Zoek button, location button).
 * @csspart input - The postcode field.
 * @csspart search-button - The "Zoek" button.
 * @csspart location-button - The "Gebruik mijn locatie" button.
 * @csspart results - The list of locations.
 * @csspart card - One location in the list.
 * @csspart map - The map container (with the `map` attribute).
 *
 * @cssprop --ido-font-family - Font; inherits the page's font by default.
 * @cssprop --ido-font-size - Base font size; at least 16 px by default.
 * @cssprop --ido-text-color - Text colour (falls back to `--basis-color-default-color-document`).
 * @cssprop --ido-muted-color - Secondary text (falls back to `--basis-color-default-color-subtle`).
 * @cssprop --ido-background - Card and field background (falls back to `--basis-color-default-bg-document`).
 * @cssprop --ido-border-color - Field and card borders (falls back to `--basis-color-default-border-default`).
 * @cssprop --ido-border-subtle-color - Dividers (falls back to `--basis-color-default-border-subtle`).
 * @cssprop --ido-button-background - Primary button (falls back to `--nl-button-primary-background-color`, `--basis-color-action-1-bg-default`).
 * @cssprop --ido-button-color - Primary button text (falls back to `--nl-button-primary-color`).
 * @cssprop --ido-secondary-button-color - Secondary button text and border (falls back to `--nl-button-secondary-color`).
 * @cssprop --ido-link-color - Links (falls back to `--nl-link-color`).
 * @cssprop --ido-focus-color - Focus ring (falls back to `--basis-focus-outline-color`).
 * @cssprop --ido-error-color - Error text (falls back to `--basis-color-negative-1-color-default`).
 * @cssprop --ido-open-color - "Nu open" (falls back to `--basis-color-positive-1-color-default`).
 * @cssprop --ido-closed-color - "Gesloten" (defaults to the text colour; the words and the clock icon say it).
 * @cssprop --ido-radius - Corner radius (falls back to `--basis-border-radius-md`).
 *
 * @fires ido-location-select - {IdoLocationSelectEvent} The visitor chose a location (`detail`: the location). Bubbles, composed.
 */
export class IdoLocator extends IdoElement {
  static override styles = styles;

  private _client?: { key: string; client: IdoClient };
  private _clock?: ReturnType<typeof setTimeout>;
  private _map?: LocatorMap;
  private _mapFor?: Found;
  private _mapLang?: string;
  private _mapModule?: Promise<typeof import('./map.js')>;
  /** Whether the running search was started by the visitor (then focus may move to the field on failure). */
  private _byVisitor = false;
  /** The search to repeat with "Probeer opnieuw". */
  private _last?: Search;

  private readonly _search = new Task<readonly [Search | null], Found>(this, {
    autoRun: false,
    task: async ([search]: readonly [Search | null], { signal }): Promise<Found | typeof initialState> => {
      if (!search) return initialState;
      const limit = Number.isInteger(this.limit) && this.limit >= 1 ? Math.min(this.limit, 50) : 5;
      let query: NearestQuery;
      if (search.kind === 'here') {
        this._phase = 'locating';
        const position = await currentPosition(signal);
        this._phase = 'searching';
        query = { near: position, limit };
      } else {
        query = search.kind === 'postcode' ? { postcode: search.postcode, limit } : { q: search.q, limit };
      }
      const result = await this._clientFor().locations.nearest(query, { signal });
      return { search, result };
    },
    onError: (error) => this._onSearchError(error),
  });

  /** Timers sleep in a hidden tab: bring the clock up to date when the visitor comes back. */
  private readonly _onVisibility = () => {
    if (document.visibilityState === 'visible') {
      this._now = new Date();
      this._scheduleTick();
    }
  };

  @query('#postcode') private _input!: HTMLInputElement;

  /** The clock the open states are computed for; ticks every minute. */
  @state() private _now = new Date();
  @state() private _fieldProblem: FieldProblem | null = null;
  @state() private _problem: SearchProblem | null = null;
  @state() private _phase: 'locating' | 'searching' = 'searching';
  /** Ids of the locations whose week is open. */
  @state() private _expanded: ReadonlySet<string> = new Set();
  @state() private _mapState: 'loading' | 'ready' | 'failed' = 'loading';

  /**
   * How many locations to show (1–50).
   * @default 5
   */
  @property({ type: Number }) limit = 5;

  /** A postcode (or place) to search for as soon as the element appears. */
  @property() postcode = '';

  /**
   * Show the locations on a map (PDOK BRT-Achtergrondkaart, below the list). The map code and
   * its tiles are loaded only when this is set.
   */
  @property({ type: Boolean }) map = false;

  /** Give each location a "Kies dit informatiepunt" button that fires `ido-location-select`. */
  @property({ type: Boolean }) selectable = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._now = new Date();
    this._scheduleTick();
    document.addEventListener('visibilitychange', this._onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._clock);
    document.removeEventListener('visibilitychange', this._onVisibility);
    this._map?.destroy();
    this._map = undefined;
    this._mapFor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The `postcode` attribute starts a search; it never moves focus.
    if (changed.has('postcode') && this.postcode.trim()) this._start(this.postcode, false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('postcode') && this.postcode.trim()) this._input.value = this.postcode.trim();
    this._syncMap();
  }

  private _t(): LocatorMessages {
    return catalogue({ nl, en }, this.language);
  }

  private _clientFor(): IdoClient {
    const key = `${this.resolvedApi} ${this.language}`;
    if (this._client?.key !== key) {
      this._client = { key, client: createIdoClient({ baseUrl: this.resolvedApi, lang: this.language }) };
    }
    return this._client.client;
  }

  /** Re-evaluates the open states at the start of every minute. */
  private _scheduleTick(): void {
    clearTimeout(this._clock);
    this._clock = setTimeout(() => {
      this._now = new Date();
      this._scheduleTick();
    }, MINUTE_MS - (Date.now() % MINUTE_MS) + 50);
  }

  private _onSubmit(event: Event): void {
    event.preventDefault();
    this._start(this._input.value, true);
  }

  /** Validates the input and searches; on an invalid value, says so (and, for the visitor, puts focus on the field). */
  private _start(input: string, byVisitor: boolean): void {
    const value = input.trim();
    const postcode = parsePostcode(value);
    let search: Search | null = null;
    if (postcode) search = { kind: 'postcode', postcode: postcode.pc6 ?? postcode.pc4, label: postcode.display };
    else if (value.length >= 2 && PLACE.test(value)) search = { kind: 'place', q: value, label: value };
    if (search) {
      this._run(search, byVisitor);
      return;
    }
    this._fieldProblem = 'invalid';
    this._problem = null;
    void this._search.run([null]);
    if (byVisitor) void this.updateComplete.then(() => this._input.focus());
  }

  private _onLocate(): void {
    this._run({ kind: 'here' }, true);
  }

  private _run(search: Search, byVisitor: boolean): void {
    this._fieldProblem = null;
    this._problem = null;
    this._byVisitor = byVisitor;
    this._last = search;
    this._phase = search.kind === 'here' ? 'locating' : 'searching';
    void this._search.run([search]);
  }

  private _retry(): void {
    if (this._last) this._run(this._last, true);
  }

  private _onSearchError(error: unknown): void {
    const search = this._last;
    if (isGeolocationError(error)) {
      this._problem = error.code === 1 ? 'denied' : 'unavailable';
      void this.updateComplete.then(() => this._input.focus());
      return;
    }
    if (isIdoHttpError(error) && (error.status === 422 || error.status === 400) && search && search.kind !== 'here') {
      const unavailable = error.errors.some((e) => e.code === 'geocoder-unavailable');
      this._fieldProblem = unavailable ? 'lookup-unavailable' : search.kind === 'place' ? 'unknown-place' : 'unknown-postcode';
      if (this._byVisitor) void this.updateComplete.then(() => this._input.focus());
      return;
    }
    if (isIdoHttpError(error) && error.status === 429) this._problem = 'busy';
    else if (isIdoNetworkError(error)) this._problem = 'network';
    else this._problem = 'server';
  }

  private _toggleWeek(id: string): void {
    const next = new Set(this._expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this._expanded = next;
  }

  private _select(location: PublicLocation): void {
    this.dispatchEvent(new IdoLocationSelectEvent(location));
  }

  /** From the map: bring the card of marker `index` into view and put focus on its name. */
  private _focusCard(index: number): void {
    const heading = this.renderRoot.querySelector<HTMLElement>(`#loc-${index}-name`);
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'nearest' });
  }

  /** Creates, fills or removes the map. Leaflet is loaded only here, the first time a map is shown. */
  private _syncMap(): void {
    const found = this._shownResult();
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!this.map || !container) {
      if (!this.map && this._map) {
        this._map.destroy();
        this._map = undefined;
        this._mapFor = undefined;
      }
      return;
    }
    if (!found || !found.result.items.length) return;
    if (this._mapFor === found && this._mapLang === this.language) return;
    this._mapFor = found;
    this._mapLang = this.language;
    const t = this._t();
    this._mapModule ??= import('./map.js');
    this._mapModule.then(
      ({ LocatorMap }) => {
        if (this._mapFor !== found) return;
        if (!this._map || !this._map.isIn(container)) {
          this._map?.destroy();
          this._map = new LocatorMap(container, this.renderRoot as ShadowRoot, (index) => this._focusCard(index));
        }
        this._map.show(found.result.items, found.result.origin, {
          zoomIn: t.zoomIn, zoomOut: t.zoomOut, marker: t.marker,
        });
        this._mapState = 'ready';
      },
      () => {
        this._mapModule = undefined;
        this._mapFor = undefined;
        this._mapState = 'failed';
      },
    );
  }

  /** The result on screen: only a completed search that was not replaced by a problem. */
  private _shownResult(): Found | undefined {
    return this._search.status === TaskStatus.COMPLETE ? this._search.value : undefined;
  }

  private _statusText(t: LocatorMessages, found: Found | undefined): string {
    if (this._search.status === TaskStatus.PENDING) return this._phase === 'locating' ? t.locating : t.searching;
    if (!found) return '';
    const { search, result } = found;
    // What the visitor typed, in the usual notation: the geocoder's label ("Utrecht, Utrecht, Utrecht") says less.
    const where = search.kind === 'here' ? t.yourLocation : search.label;
    return result.items.length ? t.found(result.items.length, where) : t.noneFound(where);
  }

  private _fieldMessage(t: LocatorMessages): string {
    switch (this._fieldProblem) {
      case 'unknown-postcode': return t.unknownPostcode;
      case 'unknown-place': return t.unknownPlace;
      case 'lookup-unavailable': return t.lookupUnavailable;
      default: return t.invalidPostcode;
    }
  }

  private _renderProblem(t: LocatorMessages) {
    const problem = this._problem;
    if (!problem) return nothing;
    const text = {
      denied: t.locationDenied,
      unavailable: t.locationUnavailable,
      network: t.networkError,
      server: t.serverError,
      busy: t.tooManyRequests,
    }[problem];
    const retry = problem === 'network' || problem === 'server' || problem === 'busy';
    return html`<p><span class="visually-hidden">${t.errorPrefix}</span>${text}</p>${retry
      ? html`<p><button class="button" type="button" @click=${this._retry}>${t.retry}</button></p>`
      : nothing}`;
  }

  private _renderHoursText(t: LocatorMessages, ranges: { opens: string; closes: string }[]): string {
    return ranges.length ? ranges.map((r) => t.range(r.opens, r.closes)).join(t.and) : t.closed;
  }

  /** The ranges of one day, each kept on one line. */
  private _renderHoursCell(t: LocatorMessages, ranges: { opens: string; closes: string }[]) {
    if (!ranges.length) return t.closed;
    return ranges.map((r, i) => html`${i ? t.and : ''}<span class="range">${t.range(r.opens, r.closes)}</span>`);
  }

  private _renderWeek(t: LocatorMessages, location: PublicLocation, schedule: OpeningSchedule, today: string) {
    const todayWeekday = weekdayOf(today);
    const usual = (day: number) =>
      location.walkInHours
        .filter((r) => r.day === day && r.opens < r.closes)
        .sort((a, b) => (a.opens < b.opens ? -1 : 1));
    const rows = [1, 2, 3, 4, 5, 6, 7].map((day) => {
      const isToday = day === todayWeekday;
      return html`<tr class=${isToday ? 'today' : ''} aria-current=${isToday ? 'date' : nothing}>
        <th scope="row">${capitalise(t.weekdays[day - 1])}${isToday ? html` <span>${t.todayMark}</span>` : nothing}</th>
        <td>${this._renderHoursCell(t, usual(day))}</td>
      </tr>`;
    });
    // Holidays and other exceptions in the coming two weeks, where they differ from the usual week.
    const other: TemplateResult[] = [];
    for (let i = 0; i < 14; i++) {
      const date = addDays(today, i);
      const weekday = weekdayOf(date);
      const actual = this._renderHoursText(t, rangesOn(schedule, date));
      if (actual === this._renderHoursText(t, usual(weekday))) continue;
      const [, month, day] = date.split('-').map(Number);
      const holiday = holidayOn(date);
      const name = holiday ? ` (${holidayLabel(holiday, this.language)})` : '';
      other.push(html`<li>${capitalise(t.weekdays[weekday - 1])} ${day} ${t.months[month - 1]}${name}: ${actual}</li>`);
    }
    return html`
      <table>
        <caption class="visually-hidden">${t.hoursCaption(location.name)}</caption>
        <tbody>${rows}</tbody>
      </table>
      ${other.length ? html`<h4>${t.otherHours}</h4><ul>${other}</ul>` : nothing}
    `;
  }

  private _renderCard(t: LocatorMessages, location: PublicLocation, index: number) {
    const lang = this.language;
    const now = this._now;
    const id = `loc-${index}`;
    const schedule = scheduleOf(location);
    const open = stateOf(location, schedule, now);
    const today = amsterdamParts(now).date;
    const expanded = this._expanded.has(location.id);
    const { lat, lon } = location.coordinates;
    const route = `https://www.openstreetmap.org/directions?to=${lat}%2C${lon}`;
    const phone = typeof location.contact.phone === 'string' && location.contact.phone.trim() ? location.contact.phone.trim() : '';
    const access = location.accessibility as { wheelchair?: unknown; hearingLoop?: unknown; notes?: unknown };
    const features: string[] = [];
    if (access.wheelchair === true) features.push(t.wheelchair);
    if (access.wheelchair === false) features.push(t.noWheelchair);
    if (access.hearingLoop === true) features.push(t.hearingLoop);
    if (access.hearingLoop === false) features.push(t.noHearingLoop);
    const notes = typeof access.notes === 'string' ? access.notes.trim() : '';
    const languages = location.languages.some((code) => code !== 'nl') ? languageNames(location.languages, lang) : '';

    return html`<li class="card ${open.openNow ? 'is-open' : ''}" part="card">
      <h3 id="${id}-name" tabindex="-1"><span class="number">${index + 1}</span><span>${location.name}</span></h3>
      ${location.distanceKm === undefined ? nothing : html`<p class="muted">${t.distance(formatDistance(location.distanceKm, lang))}</p>`}
      <p class="state ${open.openNow ? 'open' : 'closed'}">${icon(open.openNow ? 'open' : 'closed')}<span>${describeOpenState(open, lang, now)}</span></p>
      <p>${t.today(this._renderHoursText(t, rangesOn(schedule, today)))}</p>
      <button class="button quiet disclosure" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="${id}-week"
        @click=${() => this._toggleWeek(location.id)}>${icon('chevron')}<span>${t.showHours}</span></button>
      <div class="week" id="${id}-week" ?hidden=${!expanded}>${expanded ? this._renderWeek(t, location, schedule, today) : nothing}</div>
      <p class="address"><span class="visually-hidden">${t.address}: </span>${location.address.street}<br />${location.address.postcode} ${location.address.city}</p>
      <ul class="links">
        <li>
          <a href=${route} target="_blank" rel="noopener noreferrer">${icon('route')}<span>${t.route}<span class="visually-hidden">${t.routeTo(location.name)}</span>
            <span class="muted">${t.newWindow}</span></span></a>
        </li>
        ${phone ? html`<li><a href="tel:${phone.replace(/[^\d+]/g, '')}">${icon('phone')}<span>${t.call(phone)}</span></a></li>` : nothing}
      </ul>
      ${features.length ? html`<ul class="features">${features.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
      ${notes ? html`<p class="notes">${notes}</p>` : nothing}
      ${languages ? html`<p>${t.languages(languages)}</p>` : nothing}
      ${this.selectable
        ? html`<p class="actions"><button class="button" type="button" aria-describedby="${id}-name" @click=${() => this._select(location)}>${t.choose}</button></p>`
        : nothing}
    </li>`;
  }

  override render() {
    const t = this._t();
    const found = this._shownResult();
    const items = found?.result.items ?? [];
    const status = this._statusText(t, found);
    const fieldProblem = this._fieldProblem;
    const describedBy = ['postcode-hint', fieldProblem ? 'postcode-error' : '', this._problem ? 'problem' : ''].filter(Boolean).join(' ');
    const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator && globalThis.isSecureContext !== false;

    return html`<section class="locator" lang=${this.language} aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      <p class="intro">${t.intro}</p>
      <form part="form" novalidate @submit=${this._onSubmit}>
        <div>
          <label for="postcode">${t.postcodeLabel}</label>
          <p class="hint" id="postcode-hint">${t.postcodeHint}</p>
          ${fieldProblem
            ? html`<p class="error field-error" id="postcode-error"><span class="visually-hidden">${t.errorPrefix}</span>${this._fieldMessage(t)}</p>`
            : nothing}
          <div class="search-row">
            <input id="postcode" class="control" part="input" name="postcode" type="text" autocomplete="postal-code"
              spellcheck="false" maxlength="100"
              aria-describedby=${describedBy} aria-invalid=${fieldProblem ? 'true' : 'false'} />
            <button class="button primary" part="search-button" type="submit">${icon('search')}<span>${t.search}</span></button>
          </div>
        </div>
        ${canLocate
          ? html`<button class="button location-button" part="location-button" type="button" @click=${this._onLocate}>${icon('here')}<span>${t.useLocation}</span></button>`
          : nothing}
      </form>
      <div class="problem" id="problem" role="alert">${this._renderProblem(t)}</div>
      <p class="status" id="status" role="status">${status}</p>
      ${items.length
        ? html`<ol class="results" part="results" role="list" aria-labelledby="status">${items.map((location, i) => this._renderCard(t, location, i))}</ol>`
        : nothing}
      ${found?.result.attribution ? html`<p class="credit">${found.result.attribution}</p>` : nothing}
      ${this.map && items.length
        ? html`<div class="map-wrap">
            ${this._mapState === 'ready' ? nothing : html`<p class="muted">${this._mapState === 'failed' ? t.mapFailed : t.mapLoading}</p>`}
            <div class="map" part="map" role="region" aria-label=${t.mapLabel} ?hidden=${this._mapState === 'failed'}></div>
          </div>`
        : nothing}
    </section>`;
  }
}

/** The browser's position, rounded to about 100 m: enough to find the nearest desk, no more. */
function currentPosition(signal: AbortSignal): Promise<{ lat: number; lon: number }> {
  return new Promise((resolve, reject) => {
    const round = (n: number) => Math.round(n * 1000) / 1000;
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: round(position.coords.latitude), lon: round(position.coords.longitude) }),
      (error) => reject(error),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 5 * MINUTE_MS },
    );
  });
}

/** A `GeolocationPositionError` (code 1: the visitor said no; 2: no position; 3: it took too long). */
function isGeolocationError(error: unknown): error is { code: number } {
  return typeof error === 'object' && error !== null && 'code' in error && 'PERMISSION_DENIED' in error;
}

/** "Nederlands en Engels" from ['nl', 'en']; codes the browser cannot name are left out. */
function languageNames(codes: string[], lang: 'nl' | 'en'): string {
  let names: string[];
  try {
    const display = new Intl.DisplayNames([lang], { type: 'language' });
    names = codes.map((code) => {
      const name = display.of(code);
      return name && name !== code ? name : '';
    }).filter(Boolean);
  } catch {
    return '';
  }
  return names.length ? formatList(names.map(lang === 'nl' ? capitalise : (n) => n), lang) : '';
}

declare global {
  interface HTMLElementTagNameMap {
    'ido-locator': IdoLocator;
  }
  interface GlobalEventHandlersEventMap {
    'ido-location-select': IdoLocationSelectEvent;
  }
}

/** `<ido-locator>`: the public finds the nearest IDO by postcode, place or location, and sees whether it is open. */
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { IdoClient, NearestQuery } from '../../sdk/client.js';
import { parsePostcode } from '../../sdk/postcode.js';
import type { PublicLocation, PublicLocations } from '../../sdk/schemas/reports.js';
import { IdoElement } from '../shared/ido-element.js';
import { now } from '../shared/clock.js';
import { lazyCatalogue } from '../shared/i18n.js';
import { adoptLazyStyles, lazy } from '../shared/lazy.js';
import { IdoLocationSelectEvent } from './events.js';
import { HERE, SEARCH, icon } from './icons.js';
import { nl, type LocatorTexts } from './i18n.nl.js';
import { styles } from './ido-locator.styles.js';
import type { CardView } from './results.js';
import type { ResultTexts } from './i18n.results.nl.js';

/** What the visitor asked for, kept with the answer so that the result line says where it was for. */
type Search = { kind: 'postcode'; postcode: string; label: string } | { kind: 'place'; q: string; label: string } | { kind: 'here' };

interface Found {
  search: Search;
  result: PublicLocations;
}

/** Why the field is marked invalid. */
type FieldProblem = 'invalid' | 'unknown-postcode' | 'unknown-place' | 'lookup-unavailable';
/** Why a search as a whole failed. */
type SearchProblem = 'denied' | 'unavailable' | 'network' | 'server' | 'busy';
/** Where the search is: nothing asked (or the field was invalid), waiting, answered, failed. */
type SearchStatus = 'idle' | 'pending' | 'done' | 'failed';

/** A place name: letters, spaces, hyphens, apostrophes and dots ("'s-Hertogenbosch", "Bergen op Zoom"). */
const PLACE = /^['’]?\p{L}[\p{L}\s'’.-]*$/u;
const MINUTE_MS = 60_000;

/**
 * The search chunk (search-client.ts: the client's `locations`, what a failure means, and the
 * result cards with their opening hours, texts and styles), loaded with the first search; its
 * `value` renders the result cards (there are results only once it is there). Not reaching the
 * script is not reaching the server: without the chunk every failure is the network problem, and
 * the next search asks for it again.
 */
const searchChunk = lazy(() => import('./search-client.js'));

/** The map's module (Leaflet and the glue to this element), loaded the first time a map is shown. */
const mapModule = lazy(() => import('./map.js'));

/** Dutch built in; English is a chunk of its own, loaded only for `lang="en"`. */
const texts = lazyCatalogue(nl, async () => (await import('./i18n.en.js')).en);

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
 * @fires {IdoLocationSelectEvent} ido-location-select - The visitor chose a location with its "Kies" button; `detail` is the location.
 */
export class IdoLocator extends IdoElement {
  /** The form's texts and, once the search chunk is there, the results'. */
  protected override catalogues() {
    return [texts, searchChunk.value?.resultTexts];
  }

  static override styles = styles;
  /** Reactive properties and states (declared here rather than with decorators, which cost weight in ido.js). */
  static override properties: PropertyDeclarations = {
    _status: { state: true },
    _now: { state: true },
    _fieldProblem: { state: true },
    _problem: { state: true },
    _phase: { state: true },
    _expanded: { state: true },
    _mapState: { state: true },
    limit: { type: Number },
    postcode: {},
    map: { type: Boolean },
    selectable: { type: Boolean },
  };

  private _client?: { key: string; locations: Promise<IdoClient['locations']> };
  private _clock?: ReturnType<typeof setTimeout>;
  /** Whether this element has shown a map (then every update keeps it in step, also to remove it). */
  private _mapUsed = false;
  /** Whether the running search was started by the visitor (then focus may move to the field on failure). */
  private _byVisitor = false;
  /** The search to repeat with "Probeer opnieuw". */
  private _last?: Search;
  /** The answer on screen while `_status` is 'done'. */
  private _found?: Found;
  /** Counts searches: the answer of one that was overtaken by a newer one is ignored. */
  private _runs = 0;
  private _abort?: AbortController;
  /** Whether the result cards' styles were adopted into this element's shadow root. */
  private _resultsStyled = false;

  /** Runs a search (`null`: none, after an invalid value); a newer one aborts the one before. */
  private async _runSearch(search: Search | null): Promise<void> {
    this._abort?.abort();
    const run = ++this._runs;
    if (!search) {
      this._status = 'idle';
      return;
    }
    const { signal } = (this._abort = new AbortController());
    this._status = 'pending';
    try {
      // The chunk loads while the browser finds the position.
      const locations = this._locations();
      locations.catch(() => undefined);
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
      const result = await (await locations).nearest(query, { signal });
      if (run !== this._runs) return;
      this._found = { search, result };
      this._status = 'done';
    } catch (error) {
      if (run !== this._runs) return;
      this._found = undefined;
      this._onSearchError(error);
      this._status = 'failed';
    }
  }

  /** Timers sleep in a hidden tab: bring the clock up to date when the visitor comes back. */
  private readonly _onVisibility = () => {
    if (document.visibilityState === 'visible') {
      this._now = now();
      this._scheduleTick();
    }
  };

  private get _input(): HTMLInputElement {
    return this.renderRoot?.querySelector<HTMLInputElement>('#postcode') as HTMLInputElement;
  }

  private _status: SearchStatus = 'idle';
  /** The clock the open states are computed for; ticks every minute. */
  private _now = now();
  private _fieldProblem: FieldProblem | null = null;
  private _problem: SearchProblem | null = null;
  private _phase: 'locating' | 'searching' = 'searching';
  /** Ids of the locations whose week is open. */
  private _expanded: ReadonlySet<string> = new Set();
  private _mapState: 'loading' | 'ready' | 'failed' = 'loading';

  /**
   * How many locations to show (1–50).
   * @default 5
   */
  limit = 5;

  /** A postcode (or place) to search for as soon as the element appears. */
  postcode = '';

  /**
   * Show the locations on a map (PDOK BRT-Achtergrondkaart, below the list). The map code and
   * its tiles are loaded only when this is set.
   */
  map = false;

  /** Give each location a "Kies dit informatiepunt" button that fires `ido-location-select`. */
  selectable = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._now = now();
    this._scheduleTick();
    document.addEventListener('visibilitychange', this._onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._clock);
    document.removeEventListener('visibilitychange', this._onVisibility);
    if (this._mapUsed)
      mapModule().then(
        (m) => m.dropMap(this.renderRoot as ShadowRoot),
        () => undefined,
      );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The cards' styles arrive with the search chunk: in place before the first card renders.
    if (searchChunk.value && !this._resultsStyled) {
      this._resultsStyled = true;
      adoptLazyStyles(this, searchChunk.value.resultStyles);
    }
    // The `postcode` attribute starts a search; it never moves focus.
    if (changed.has('postcode') && this.postcode.trim()) this._start(this.postcode, false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('postcode') && this.postcode.trim()) this._input.value = this.postcode.trim();
    this._syncMap();
  }

  /**
   * The client's `locations` namespace only (not the whole client, so the other schemas stay out
   * of the bundle), loaded with the first search: see search-client.ts. A chunk that fails to
   * load (offline) is asked for again with the next search.
   */
  private _locations(): Promise<IdoClient['locations']> {
    const key = `${this.resolvedApi} ${this.language}`;
    if (this._client?.key !== key) {
      const options = { baseUrl: this.resolvedApi, lang: this.language };
      const client = { key, locations: searchChunk().then((m) => m.locationsClient(options)) };
      client.locations.catch(() => {
        if (this._client === client) this._client = undefined;
      });
      this._client = client;
    }
    return this._client.locations;
  }

  /** Re-evaluates the open states at the start of every minute. */
  private _scheduleTick(): void {
    clearTimeout(this._clock);
    this._clock = setTimeout(
      () => {
        this._now = now();
        this._scheduleTick();
      },
      MINUTE_MS - (now().getTime() % MINUTE_MS) + 50,
    );
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
    void this._runSearch(null);
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
    void this._runSearch(search);
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
    // Without the search chunk nothing reached the server: the network problem.
    const problem = searchChunk.value?.problemOf(error) ?? 'network';
    if ((problem === 'unknown' || problem === 'lookup-unavailable') && search && search.kind !== 'here') {
      this._fieldProblem = problem === 'lookup-unavailable' ? problem : search.kind === 'place' ? 'unknown-place' : 'unknown-postcode';
      if (this._byVisitor) void this.updateComplete.then(() => this._input.focus());
      return;
    }
    this._problem = problem === 'busy' || problem === 'network' ? problem : 'server';
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

  /**
   * Creates, fills or removes the map (map.ts does, on every update). Leaflet is loaded only here,
   * the first time there is a map to show.
   */
  private _syncMap(): void {
    const found = this._shownResult();
    const rt = this._resultTexts();
    if (!rt || (!this._mapUsed && !(this.map && found?.result.items.length))) return;
    this._mapUsed = true;
    mapModule().then(
      (m) =>
        m.syncMap({
          root: this.renderRoot as ShadowRoot,
          on: this.map,
          found,
          lang: this.language,
          labels: rt,
          ready: () => (this._mapState = 'ready'),
        }),
      () => {
        this._mapUsed = false;
        this._mapState = 'failed';
      },
    );
  }

  /** The result on screen: only a completed search that was not replaced by a problem. */
  private _shownResult(): Found | undefined {
    return this._status === 'done' ? this._found : undefined;
  }

  /** The texts of results and server answers: there are none before the search chunk is. */
  private _resultTexts(): ResultTexts | undefined {
    return searchChunk.value?.resultTexts.get(this.language);
  }

  private _statusText(t: LocatorTexts, found: Found | undefined): string {
    if (this._status === 'pending') return this._phase === 'locating' ? t.locating : t.searching;
    const rt = this._resultTexts();
    if (!found || !rt) return '';
    const { search, result } = found;
    // What the visitor typed, in the usual notation: the geocoder's label ("Utrecht, Utrecht, Utrecht") says less.
    const where = search.kind === 'here' ? rt.yourLocation : search.label;
    return result.items.length ? rt.found(result.items.length, where) : rt.noneFound(where);
  }

  private _fieldMessage(t: LocatorTexts): string {
    const rt = this._resultTexts();
    switch (this._fieldProblem) {
      case 'unknown-postcode':
        return rt?.unknownPostcode ?? t.invalidPostcode;
      case 'unknown-place':
        return rt?.unknownPlace ?? t.invalidPostcode;
      case 'lookup-unavailable':
        return rt?.lookupUnavailable ?? t.invalidPostcode;
      default:
        return t.invalidPostcode;
    }
  }

  private _renderProblem(t: LocatorTexts) {
    const problem = this._problem;
    if (!problem) return nothing;
    const rt = this._resultTexts();
    const text = {
      denied: t.locationDenied,
      unavailable: t.locationUnavailable,
      network: t.networkError,
      server: rt?.serverError ?? t.networkError,
      busy: rt?.tooManyRequests ?? t.networkError,
    }[problem];
    const retry = problem === 'network' || problem === 'server' || problem === 'busy';
    return html`<p><span class="visually-hidden">${t.errorPrefix}</span>${text}</p>${
      retry ? html`<p><button class="button" type="button" @click=${this._retry}>${t.retry}</button></p>` : nothing
    }`;
  }

  override render() {
    const t = texts.get(this.language);
    const found = this._shownResult();
    const items = found?.result.items ?? [];
    const status = this._statusText(t, found);
    const fieldProblem = this._fieldProblem;
    const describedBy = ['postcode-hint', fieldProblem ? 'postcode-error' : '', this._problem ? 'problem' : ''].filter(Boolean).join(' ');
    const view: CardView = {
      language: this.language,
      now: this._now,
      expanded: this._expanded,
      selectable: this.selectable,
      toggleWeek: (id) => this._toggleWeek(id),
      select: (location) => this._select(location),
    };
    const rt = this._resultTexts();
    const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator && globalThis.isSecureContext !== false;

    return html`<section class="locator" lang=${this.language} aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      <p class="intro">${t.intro}</p>
      <form part="form" novalidate @submit=${this._onSubmit}>
        <div>
          <label for="postcode">${t.postcodeLabel}</label>
          <p class="hint" id="postcode-hint">${t.postcodeHint}</p>
          ${
            fieldProblem
              ? html`<p class="error field-error" id="postcode-error"><span class="visually-hidden">${t.errorPrefix}</span>${this._fieldMessage(t)}</p>`
              : nothing
          }
          <div class="search-row">
            <input id="postcode" class="control" part="input" name="postcode" type="text" autocomplete="postal-code"
              spellcheck="false" maxlength="100"
              aria-describedby=${describedBy} aria-invalid=${fieldProblem ? 'true' : 'false'} />
            <button class="button primary" part="search-button" type="submit">${icon(SEARCH)}<span>${t.search}</span></button>
          </div>
        </div>
        ${
          canLocate
            ? html`<button class="button location-button" part="location-button" type="button" @click=${this._onLocate}>${icon(HERE)}<span>${t.useLocation}</span></button>`
            : nothing
        }
      </form>
      <div class="problem" id="problem" role="alert">${this._renderProblem(t)}</div>
      <p class="status" id="status" role="status">${status}</p>
      ${found && rt ? searchChunk.value!.renderSearchNotes(rt, found, this.language) : nothing}
      ${
        items.length && searchChunk.value && rt
          ? html`<ol class="results" part="results" role="list" aria-labelledby="status">${items.map((location, i) => searchChunk.value!.renderCard(view, rt, location, i))}</ol>`
          : nothing
      }
      ${found && rt ? searchChunk.value!.renderCredit(rt, found.result) : nothing}
      ${
        this.map && items.length && rt
          ? html`<div class="map-wrap">
            ${this._mapState === 'ready' ? nothing : html`<p class="muted">${this._mapState === 'failed' ? rt.mapFailed : rt.mapLoading}</p>`}
            <div class="map" part="map" role="region" aria-label=${rt.mapLabel} ?hidden=${this._mapState === 'failed'}></div>
          </div>`
          : nothing
      }
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

declare global {
  interface HTMLElementTagNameMap {
    'ido-locator': IdoLocator;
  }
}

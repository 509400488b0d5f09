/** `<ido-registratie>`: register a visit at an IDO desk in two interactions, also without a connection. */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '../shared/task.js';
import type { IdoClientOptions } from '../../sdk/client.js';
import { uuid } from '../../sdk/uuid.js';
import { lazyDeskClient, type DeskClient } from './lazy-client.js';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import { createOutbox, type Outbox, type OutboxItem, type OutboxStore } from '../../sdk/outbox.js';
import { indexedDbOutboxStore } from '../../sdk/outbox-idb.js';
import type { PersonalDataKind } from '../../sdk/personal-data.js';
import { addDays } from '../../sdk/amsterdam-time.js';
import { NOTE_MAX } from '../../sdk/schemas/limits.js';
import type { Registration, RegistrationInput } from '../../sdk/schemas/registration.js';
import type { Taxonomy, TaxonomyEntry, Topic } from '../../sdk/schemas/taxonomy.js';
import type { Location } from '../../sdk/schemas/location.js';
import type { Partner } from '../../sdk/schemas/resources.js';
import { IdoElement } from '../shared/ido-element.js';
import { lazy } from '../shared/lazy.js';
import { base, tokens } from '../shared/styles.js';
import { more } from '../shared/styles-more.js';
import { lazyCatalogue, formatList, formatTime, lowerFirst } from '../shared/i18n.js';
import { fingerprint, readJson, writeJson } from '../shared/storage.js';
import { nl, type RegistratieTexts } from './i18n.nl.js';
import { styles } from './ido-registratie.styles.js';
import { IdoErrorEvent, IdoQueuedEvent, IdoRegisteredEvent } from './events.js';
import { searchTopics, topTopics, usageWeights } from './topic-search.js';
import {
  countsCacheKey, fetchScope, partnersCacheKey, recentCacheKey, rememberedCounts, rememberedPartners, rememberedRecent, rememberedScope,
  scopeCacheKey, type DeskScope, type RememberedRecent,
} from './desk-location.js';
import {
  FIRST_DEFAULTS, defaultsFrom, draftFrom, newDraft, newQuestion, repeatOf, timeNow, toInput, today,
  type Draft, type DraftQuestion, type VisitDefaults,
} from './visit.js';

/** How often queued registrations are tried again, besides the browser's `online` event. */
const FLUSH_INTERVAL_MS = 15_000;
/** The personal-data check runs this long after the last key press. */
const NOTE_CHECK_DELAY_MS = 300;
/** The chips show this many topics. */
const CHIP_COUNT = 8;
/** The browser remembers this many of its own topic choices for the chips. */
const OWN_CHOICES_MAX = 100;
/** The recent list shows this many visits until the worker asks for all. */
const RECENT_SHOWN = 10;
/** The chips reflect this many days of the desk's questions. */
const CHIP_PERIOD_DAYS = 90;

type ValueList = 'channels' | 'durations' | 'help' | 'agencies' | 'digid' | 'questionTypes' | 'partnerKinds';

interface FormErrors {
  topic?: string;
  time?: string;
  form?: string;
}

interface Notice {
  text: string;
  /** The registration that "Ongedaan maken" takes back. */
  undo?: { id: string; queued: boolean; what: string; time: string };
}

interface Editing {
  id: string;
  queued: boolean;
  what: string;
  time: string;
}

interface Cached<T> {
  value: T;
  fromCache: boolean;
}

interface RecentRow {
  id: string;
  occurredAt: string;
  createdAt: string;
  topics: string[];
  queued: OutboxItem | null;
  stored: Registration | null;
}

type PersonalDataFinder = typeof import('../../sdk/personal-data.js');
/**
 * The personal-data finder of the note is a chunk of its own: not needed to paint the form, so
 * it is loaded right after the element connects (and again after a failure). A note is never
 * sent unchecked: see `validate`.
 */
const finder = lazy(() => import('../../sdk/personal-data.js'));

/** Dutch built in; English is a chunk of its own, loaded only for `lang="en"`. */
const texts = lazyCatalogue(nl, async () => (await import('./i18n.en.js')).en);

/**
 * Registers a visit at an IDO desk: choose a topic, press Registreer. The details (channel,
 * duration, help, agency, DigiD, time) start as this desk's last choices. Without a connection
 * visits are kept in the browser and sent when the server can be reached again.
 *
 * @summary Register an IDO desk visit in two interactions, also offline.
 * @tagname ido-registratie
 *
 * @csspart banner - The connection banner ("Geen verbinding. 3 registraties wachten …").
 * @csspart form - The registration form.
 * @csspart confirmation - The confirmation after registering, with "Ongedaan maken".
 * @csspart chips - The group of quick-entry topic buttons.
 * @csspart chip - One quick-entry topic button.
 * @csspart search - The topic search field.
 * @csspart summary - The one-line summary of the details that opens them.
 * @csspart submit - The "Registreer" button.
 * @csspart lookup - The information links and partners for the chosen topic.
 * @csspart recent - Today's visits at this desk.
 *
 * @cssprop --ido-font-family - Font. Default: inherited from the page.
 * @cssprop --ido-font-size - Body text size. Default: `max(1rem, 16px)`.
 * @cssprop --ido-text-color - Text. Falls back to `--basis-color-default-color-document`, then `#1b1b1b`.
 * @cssprop --ido-muted-color - Hints. Falls back to `--basis-color-default-color-subtle`, then `#4a4a4a`.
 * @cssprop --ido-background - Background. Falls back to `--basis-color-default-bg-document`, then white.
 * @cssprop --ido-surface - Panels. Falls back to `--basis-color-default-bg-subtle`, then `#f3f4f6`.
 * @cssprop --ido-border-color - Borders of fields. Falls back to `--basis-color-default-border-default`, then `#6b6b6b`.
 * @cssprop --ido-button-background - Primary button. Falls back to `--nl-button-primary-background-color`, `--basis-color-action-1-bg-default`, then `#1a5fb4`.
 * @cssprop --ido-button-color - Text on the primary button. Falls back to `--nl-button-primary-color`, `--basis-color-action-1-color-default`, then white.
 * @cssprop --ido-button-hover-background - Primary button on hover. Falls back to `--nl-button-primary-hover-background-color`, `--basis-color-action-1-bg-hover`, then `#144a8c`.
 * @cssprop --ido-selected-background - Chosen chip and option. Falls back to `--basis-color-selected-1-bg-default`, then `#dbe7f7`.
 * @cssprop --ido-link-color - Links. Falls back to `--nl-link-color`, `--basis-color-action-2-color-default`, then `#1a5fb4`.
 * @cssprop --ido-focus-color - Focus ring. Falls back to `--basis-focus-outline-color`, then black.
 * @cssprop --ido-focus-width - Focus ring width. Falls back to `--basis-focus-outline-width`, then `3px`.
 * @cssprop --ido-error-color - Errors. Falls back to `--basis-color-negative-1-color-default`, then `#b3261e`.
 * @cssprop --ido-warning-background - The connection banner. Falls back to `--basis-color-warning-1-bg-subtle`, then `#fff4ce`.
 * @cssprop --ido-success-background - The confirmation. Falls back to `--basis-color-positive-1-bg-subtle`, then `#e6f4ea`.
 * @cssprop --ido-radius - Corner radius. Falls back to `--basis-border-radius-md`, then `4px`.
 *
 * @fires {IdoRegisteredEvent} ido-registered - The server stored a visit the worker registered; `detail` is the stored registration.
 * @fires {IdoQueuedEvent} ido-queued - The server could not be reached; the visit is kept and sent later; `detail` is the pending registration.
 * @fires {IdoErrorEvent} ido-error - Something the worker asked for failed; `detail.error` says what.
 */
export class IdoRegistratie extends IdoElement {
  protected override catalogues() {
    return [texts];
  }

  static override styles = [tokens, base, more, styles];
  /** Reactive properties and states (declared here rather than with decorators, which cost weight in ido.js). */
  static override properties: PropertyDeclarations = {
    draft: { state: true, attribute: false },
    defaults: { state: true, attribute: false },
    activeQuestion: { state: true, attribute: false },
    query: { state: true, attribute: false },
    activeOption: { state: true, attribute: false },
    listOpen: { state: true, attribute: false },
    detailsOpen: { state: true, attribute: false },
    noteKinds: { state: true, attribute: false },
    noteUnchecked: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    queue: { state: true, attribute: false },
    offline: { state: true, attribute: false },
    keyRefused: { state: true, attribute: false },
    refusedInQueue: { state: true, attribute: false },
    chosenLocation: { state: true, attribute: false },
    learntLocation: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    confirmingDelete: { state: true, attribute: false },
    recentVersion: { state: true, attribute: false },
    previous: { state: true, attribute: false },
    ownChoices: { state: true, attribute: false },
    showAllRecent: { state: true, attribute: false },
    deskKey: { attribute: 'desk-key' },
    // Same as `desk-key`, for plain HTML; its accessors forward to `deskKey`.
    key: { noAccessor: true },
    location: {},
  };

  private client?: DeskClient;
  private outbox?: Outbox;
  private store?: OutboxStore;
  private connectedTo = '';
  private scopeLoaded: string | null = null;
  private flushTimer?: ReturnType<typeof setInterval>;
  private noteTimer?: ReturnType<typeof setTimeout>;
  private lastRecent: Registration[] = [];
  /** The location `lastRecent` belongs to. */
  private lastRecentAt: string | null | undefined;
  private taxonomyCache: { lang: string; value: Taxonomy | null } | null = null;
  private topicIndex: { source: Taxonomy; byCode: Map<string, Topic> } | null = null;
  private chipOrder: { taxonomy: Taxonomy; counts: unknown; codes: string[] } | null = null;
  /** What this browser remembers of the key's location and of the desk's counts: used until the server answers. */
  private remembered: { scope: DeskScope | null; counts?: { key: string; value: [string, number][] | undefined } } = { scope: null };

  private get searchInput(): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>('#search') ?? null;
  }
  private get submitButton(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector<HTMLButtonElement>('#submit') ?? null;
  }
  private get noteInput(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector<HTMLTextAreaElement>('#note') ?? null;
  }
  private get timeInput(): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>('#time') ?? null;
  }
  private get formError(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('#form-error') ?? null;
  }
  private get recentHeading(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('#recent-heading') ?? null;
  }

  private draft: Draft = newDraft(FIRST_DEFAULTS);
  private defaults: VisitDefaults = FIRST_DEFAULTS;
  private activeQuestion = 0;
  private query = '';
  private activeOption = 0;
  private listOpen = false;
  private detailsOpen = false;
  private noteKinds: PersonalDataKind[] = [];
  /** The note could not be checked for personal data (the finder did not load). */
  private noteUnchecked = false;
  private errors: FormErrors = {};
  private notice: Notice | null = null;
  private busy = false;
  private queue: OutboxItem[] = [];
  private offline = false;
  private keyRefused = false;
  private refusedInQueue = 0;
  private chosenLocation = '';
  private learntLocation = '';
  private editing: Editing | null = null;
  private confirmingDelete: string | null = null;
  private recentVersion = 0;
  private previous: Draft | null = null;
  private ownChoices: string[] = [];
  private showAllRecent = false;

  /** The desk key (`ido_dk_…`) this desk registers with (attribute `desk-key`). */
  deskKey = '';

  /**
   * The same as `deskKey`, for plain HTML (`key="ido_dk_…"`). React and Vue keep `key` for
   * themselves and never pass it on, so use `desk-key` there (and in new pages everywhere).
   */
  get key(): string {
    return this.deskKey;
  }
  set key(value: string) {
    this.deskKey = value;
  }

  /**
   * The id of the IDO location. Leave it out when the desk key is bound to a location; with an
   * unbound key and no `location`, the worker chooses one once (remembered in this browser).
   */
  location = '';

  private readonly taxonomyTask = new Task(this, {
    args: () => [this.client, this.language] as const,
    task: async ([client, lang], { signal }) => {
      if (!client) return initialState;
      const cacheKey = `taxonomy:${lang}`;
      try {
        const taxonomy = await client.taxonomy.get({ lang }, { signal });
        writeJson(cacheKey, taxonomy);
        this.reachable(true);
        return taxonomy;
      } catch (error) {
        this.noteFailure(error, true);
        const cached = readJson<Taxonomy | null>(cacheKey, null);
        if (cached && !signal.aborted) return cached;
        throw error;
      }
    },
  });

  private readonly locationTask = new Task(this, {
    args: () => [this.client, this.deskKey, this.location] as const,
    task: async ([client, key, location], { signal }) => {
      if (!client || !key || location) return initialState;
      return this.cached(scopeCacheKey(key), signal, () => fetchScope(client, signal));
    },
  });

  private readonly chipsTask = new Task(this, {
    args: () => [this.client, this.effectiveLocation] as const,
    task: async ([client, locationId], { signal }) => {
      if (!client || !locationId) return initialState;
      return this.cached(countsCacheKey(this.deskKey, locationId), signal, async () => {
        const from = addDays(today(), -CHIP_PERIOD_DAYS);
        const summary = await client.reports.summary({ groupBy: 'topic', locationId, from }, { signal });
        return summary.groups.map((g): [string, number] => [g.key, g.questions]);
      });
    },
  });

  private readonly partnersTask = new Task(this, {
    args: () => [this.client, this.currentQuestion.topic] as const,
    task: async ([client, topic], { signal }) => {
      if (!client || !topic) return initialState;
      return this.cached(partnersCacheKey(this.deskKey, topic), signal, async () => (await client.partners.list({ topic }, { signal })).items);
    },
  });

  private readonly recentTask = new Task(this, {
    args: () => [this.client, this.effectiveLocation, this.recentVersion] as const,
    task: async ([client, locationId], { signal }) => {
      if (!client || !this.deskKey) return initialState;
      const day = today();
      // Until the server answers (or when it cannot), show what this browser saw of today here.
      if (this.lastRecentAt !== locationId) this.lastRecent = rememberedRecent(this.deskKey, locationId, day);
      this.lastRecentAt = locationId;
      try {
        const { items } = await client.registrations.list({ from: day, ...(locationId ? { locationId } : {}), limit: 200 }, { signal });
        this.reachable(true);
        this.lastRecent = items;
        writeJson(recentCacheKey(this.deskKey, locationId), { day, items } satisfies RememberedRecent);
        return items;
      } catch (error) {
        this.noteFailure(error);
        throw error;
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.flushTimer = setInterval(this.onTick, FLUSH_INTERVAL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearInterval(this.flushTimer);
    clearTimeout(this.noteTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const target = `${this.resolvedApi}|${this.deskKey}|${this.language}`;
    if (target !== this.connectedTo) {
      this.connectedTo = target;
      this.connect();
    }
    if (this.scopeLoaded !== this.deskKey) {
      this.scopeLoaded = this.deskKey;
      this.loadScope();
    }
  }

  private connect() {
    const options: IdoClientOptions = { baseUrl: this.resolvedApi, apiKey: this.deskKey || undefined, lang: this.language };
    this.client = lazyDeskClient(options);
    // A visit that cannot be sent at once is kept and sent later, so sending fails fast instead
    // of retrying while the next visitor waits.
    const sender = lazyDeskClient({ ...options, retry: 0, timeout: 6000 });
    // One queue per desk key, whatever the server address: a queue made while the address was
    // wrong is sent once it is right.
    const store = indexedDbOutboxStore(`ido-outbox-${fingerprint(this.deskKey)}`);
    this.store = store;
    this.outbox = createOutbox({ client: sender, store, onChange: () => void this.refreshQueue() });
    this.keyRefused = false;
    finder().catch(() => undefined);
    void this.refreshQueue().then(() => this.flush());
  }

  /** What this browser remembers for this desk key. */
  private loadScope() {
    const scope = fingerprint(this.deskKey);
    this.defaults = { ...FIRST_DEFAULTS, ...readJson<Partial<VisitDefaults>>(`defaults:${scope}`, {}) };
    this.previous = readJson<Draft | null>(`previous:${scope}`, null);
    this.ownChoices = readJson<string[]>(`choices:${scope}`, []);
    this.chosenLocation = readJson<string>(`location:${scope}`, '');
    this.learntLocation = readJson<string>(`bound:${scope}`, '');
    this.remembered = { scope: rememberedScope(this.deskKey) };
    this.chipOrder = null;
    if (!this.editing) this.resetForm();
  }

  private get scope() {
    return fingerprint(this.deskKey);
  }

  private readonly onOnline = () => {
    this.offline = false;
    void this.flush();
    if (this.recentTask.status === TaskStatus.ERROR) void this.recentTask.run();
  };

  private readonly onOffline = () => {
    this.offline = true;
  };

  private readonly onTick = () => {
    if (this.queue.length) void this.flush();
    else if (this.offline) void this.recentTask.run();
  };

  /** Reads through a localStorage copy: the answer is saved, and served when the server cannot be reached. */
  private async cached<T>(cacheKey: string, signal: AbortSignal, load: () => Promise<T>): Promise<Cached<T>> {
    try {
      const value = await load();
      writeJson(cacheKey, value);
      this.reachable(true);
      return { value, fromCache: false };
    } catch (error) {
      this.noteFailure(error);
      const cached = readJson<T | null>(cacheKey, null);
      if (cached !== null && !signal.aborted && isIdoNetworkError(error)) return { value: cached, fromCache: true };
      throw error;
    }
  }

  private reachable(ok: boolean) {
    const wasOffline = this.offline;
    this.offline = !ok;
    if (ok && wasOffline) void this.flush();
  }

  /**
   * Records what a failure says about the connection and the key. A 401 always means the key is
   * wrong; a 403 only where the key is the one thing that can be refused (the public value lists
   * answer 403 only to a desk key used from a website it is not made for).
   */
  private noteFailure(error: unknown, keyOnly = false) {
    if (isIdoNetworkError(error)) this.reachable(false);
    else if (isIdoHttpError(error) && (error.status === 401 || (keyOnly && error.status === 403))) this.keyRefused = true;
  }

  /** Counts the reads of the queue, so that an earlier read answering late cannot overwrite a newer one. */
  private queueReads = 0;

  private async refreshQueue() {
    const outbox = this.outbox;
    if (!outbox) return;
    const read = ++this.queueReads;
    try {
      const items = await outbox.pending();
      if (outbox === this.outbox && read === this.queueReads) this.queue = items;
    } catch {
      // IndexedDB unavailable (some private modes): nothing can be queued, nothing to show.
    }
  }

  private async flush() {
    const outbox = this.outbox;
    if (!outbox || !this.deskKey) return;
    const refused: string[] = [];
    try {
      if ((await outbox.count()) === 0) return;
      const result = await outbox.flush();
      if (outbox !== this.outbox) return;
      refused.push(...result.failed.map((f) => f.item.id));
      if (result.failed.length) this.refusedInQueue += result.failed.length;
      if (result.sent || result.failed.length) {
        this.offline = false;
        this.recentVersion++;
      } else if (result.remaining) {
        this.offline = true;
      }
    } catch (error) {
      this.noteFailure(error);
    } finally {
      await this.refreshQueue();
      this.noticeSent(refused);
    }
  }

  /** "Bewaard op deze computer" no longer holds once the visit has gone out: say what became of it. */
  private noticeSent(refused: string[]) {
    const undo = this.notice?.undo;
    if (!undo?.queued || this.queue.some((i) => i.id === undo.id)) return;
    this.notice = refused.includes(undo.id) ? null : { text: this.t.registered(undo.what, undo.time), undo: { ...undo, queued: false } };
  }

  // ---------------------------------------------------------------------------------------------
  // Derived state

  private get t(): RegistratieTexts {
    return texts.get(this.language);
  }

  private get taxonomy(): Taxonomy | null {
    const value = this.taxonomyTask.value;
    if (value) return value;
    const lang = this.language;
    if (this.taxonomyCache?.lang !== lang) this.taxonomyCache = { lang, value: readJson<Taxonomy | null>(`taxonomy:${lang}`, null) };
    return this.taxonomyCache.value;
  }

  private get topicsByCode(): Map<string, Topic> {
    const taxonomy = this.taxonomy;
    if (!taxonomy) return new Map();
    if (this.topicIndex?.source !== taxonomy) this.topicIndex = { source: taxonomy, byCode: new Map(taxonomy.topics.map((t) => [t.code, t])) };
    return this.topicIndex.byCode;
  }

  /** The key's location and its organisation's locations: from the server, or until it answers from this browser's copy. */
  private get deskScope(): DeskScope | null {
    return this.locationTask.value?.value ?? this.remembered.scope;
  }

  private get effectiveLocation(): string {
    if (this.location) return this.location;
    const info = this.deskScope;
    if (info?.bound) return info.bound;
    if (this.chosenLocation && (!info || info.locations.some((l) => l.id === this.chosenLocation))) return this.chosenLocation;
    return this.learntLocation;
  }

  /** True when the key may register at several locations and none has been chosen yet. */
  private get needsLocationChoice(): boolean {
    const info = this.deskScope;
    return !this.effectiveLocation && !!info && !info.bound && info.locations.length > 1;
  }

  private get currentQuestion(): DraftQuestion {
    return this.draft.questions[this.activeQuestion] ?? this.draft.questions[0];
  }

  /** The desk's topic counts: from the server, or until it answers from this browser's copy. */
  private get chipCounts(): [string, number][] | undefined {
    const fresh = this.chipsTask.value?.value;
    if (fresh) return fresh;
    const location = this.effectiveLocation;
    if (!location) return undefined;
    const key = countsCacheKey(this.deskKey, location);
    if (this.remembered.counts?.key !== key) this.remembered.counts = { key, value: rememberedCounts(this.deskKey, location) };
    return this.remembered.counts.value;
  }

  private get weights() {
    return usageWeights(new Map(this.chipCounts ?? []), this.ownChoices);
  }

  /**
   * The quick-entry chips. They wait for this desk's counts, and then keep their order for as long
   * as the page is open, so that a chip is where the worker's hand expects it; a reload takes the
   * latest registrations into account.
   */
  private chips(taxonomy: Taxonomy): Topic[] {
    const counts = this.chipCounts;
    if (!counts && this.chipsTask.status === TaskStatus.PENDING) return [];
    if (this.chipOrder?.taxonomy !== taxonomy || this.chipOrder.counts !== counts) {
      const previous = this.chipOrder?.codes;
      const fresh = topTopics(taxonomy.topics, this.weights, CHIP_COUNT).map((t) => t.code);
      // A new language or a refetch keeps the chips the worker already sees.
      const codes = previous && previous.every((c) => this.topicsByCode.has(c)) && this.chipOrder!.counts !== undefined ? previous : fresh;
      this.chipOrder = { taxonomy, counts, codes };
    }
    return this.chipOrder.codes.map((c) => this.topicsByCode.get(c)).filter((t): t is Topic => !!t);
  }

  private get results(): Topic[] {
    const taxonomy = this.taxonomy;
    return taxonomy ? searchTopics(taxonomy.topics, this.query, this.weights) : [];
  }

  private entry(list: ValueList, code: string): TaxonomyEntry | undefined {
    return (this.taxonomy?.[list] as TaxonomyEntry[] | undefined)?.find((e) => e.code === code);
  }

  private label(list: ValueList, code: string, short = false): string {
    const e = this.entry(list, code);
    return (short ? e?.short : undefined) ?? e?.label ?? code;
  }

  private topicLabel(code: string): string {
    return this.topicsByCode.get(code)?.label ?? code;
  }

  /** "huurtoeslag" or "huurtoeslag en DigiD aanvragen": the topics as they read in a sentence. */
  private what(topics: string[]): string {
    return formatList(topics.map((code) => lowerFirst(this.topicLabel(code))), this.language);
  }

  /** "Balie · 5–15 min · hulp bij digitaal contact · Dienst Toeslagen · nu" */
  private summaryText(): string {
    const { draft, t } = this;
    const q = this.currentQuestion;
    const parts = [this.label('channels', draft.channel, true), this.label('durations', draft.duration, true)];
    const help = q.help.filter((h) => h !== 'doorverwijzing').map((h) => lowerFirst(this.label('help', h, true)));
    if (help.length) parts.push(help.join(', '));
    if (q.agencies.length) parts.push(q.agencies.map((a) => this.label('agencies', a, true)).join(', '));
    if (q.digid) parts.push(t.digidSummary(this.label('digid', q.digid)));
    if (q.referral) parts.push(t.referralSummary(this.partnerName(q.referral.partnerId)));
    parts.push(draft.earlierAt ? t.atTime(draft.earlierAt) : t.now);
    return parts.join(' · ');
  }

  private partnerName(id: string): string {
    return this.partnersTask.value?.value.find((p) => p.id === id)?.name ?? this.t.aPartner;
  }

  private get recentRows(): RecentRow[] {
    const stored = this.recentTask.value ?? this.lastRecent;
    const queuedIds = new Set(this.queue.map((i) => i.id));
    const rows: RecentRow[] = [
      // Every queued visit, also an older one: it is not counted until it is sent.
      ...this.queue.map((i) => ({ id: i.id, occurredAt: i.registration.occurredAt ?? i.queuedAt, createdAt: i.queuedAt, topics: i.registration.questions.map((q) => q.topic), queued: i, stored: null })),
      ...stored
        .filter((r) => !queuedIds.has(r.id))
        .map((r) => ({ id: r.id, occurredAt: r.occurredAt, createdAt: r.createdAt, topics: r.questions.map((q) => q.topic), queued: null, stored: r })),
    ];
    const instant = (iso: string) => new Date(iso).getTime();
    return rows.sort((a, b) => instant(b.occurredAt) - instant(a.occurredAt) || instant(b.createdAt) - instant(a.createdAt));
  }

  // ---------------------------------------------------------------------------------------------
  // Changing the draft

  private updateQuestion(change: (q: DraftQuestion) => DraftQuestion) {
    const questions = this.draft.questions.map((q, i) => (i === this.activeQuestion ? change(q) : q));
    this.draft = { ...this.draft, questions };
  }

  private setDraft(change: Partial<Draft>) {
    this.draft = { ...this.draft, ...change };
  }

  private chooseTopic(code: string | null) {
    const topic = code ? this.topicsByCode.get(code) : undefined;
    this.updateQuestion((q) => ({
      ...q,
      topic: code,
      agencies: topic ? [...topic.agencies] : [],
      // A referral was to a partner for the previous topic.
      referral: null,
      help: q.referral ? q.help.filter((h) => h !== 'doorverwijzing') : q.help,
    }));
    this.query = '';
    this.listOpen = false;
    if (code) this.errors = { ...this.errors, topic: undefined };
  }

  private toggleIn(list: string[], code: string, on: boolean): string[] {
    return on ? (list.includes(code) ? list : [...list, code]) : list.filter((c) => c !== code);
  }

  private refer(partner: Partner, warm: boolean) {
    const current = this.currentQuestion.referral;
    const same = current?.partnerId === partner.id && current.warm === warm;
    this.updateQuestion((q) => ({
      ...q,
      referral: same ? null : { partnerId: partner.id, partnerKind: partner.kind, warm },
      help: this.toggleIn(q.help, 'doorverwijzing', !same),
    }));
  }

  private resetForm() {
    this.draft = newDraft(this.defaults);
    this.activeQuestion = 0;
    this.query = '';
    this.listOpen = false;
    this.detailsOpen = false;
    this.noteKinds = [];
    this.noteUnchecked = false;
    this.errors = {};
    this.editing = null;
  }

  private remember(draft: Draft) {
    const scope = this.scope;
    this.defaults = defaultsFrom(draft);
    writeJson(`defaults:${scope}`, this.defaults);
    this.previous = repeatOf(draft);
    writeJson(`previous:${scope}`, this.previous);
    const topics = draft.questions.map((q) => q.topic).filter((t): t is string => !!t);
    this.ownChoices = [...this.ownChoices, ...topics].slice(-OWN_CHOICES_MAX);
    writeJson(`choices:${scope}`, this.ownChoices);
  }

  private learnLocation(locationId: string) {
    if (this.effectiveLocation || !locationId) return;
    this.learntLocation = locationId;
    writeJson(`bound:${this.scope}`, locationId);
  }

  /** Events go out on user actions only (the @fires list above is their documentation). */
  private emit(event: IdoRegisteredEvent | IdoQueuedEvent | IdoErrorEvent) {
    this.dispatchEvent(event);
  }

  private async announce(notice: Notice) {
    // Empty the live region first, so the same words twice in a row are read out twice.
    this.notice = null;
    await this.updateComplete;
    this.notice = notice;
  }

  // ---------------------------------------------------------------------------------------------
  // Handlers

  private onSearchInput(e: InputEvent) {
    this.query = (e.target as HTMLInputElement).value;
    this.activeOption = 0;
    this.listOpen = this.query.trim() !== '';
  }

  private onSearchKeydown(e: KeyboardEvent) {
    const results = this.results;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!results.length) return;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        if (!this.listOpen) {
          this.listOpen = true;
          this.activeOption = step === 1 ? 0 : results.length - 1;
        } else {
          this.activeOption = (this.activeOption + step + results.length) % results.length;
        }
        return;
      }
      case 'Enter':
        if (this.listOpen && results[this.activeOption]) {
          e.preventDefault();
          this.chooseTopic(results[this.activeOption].code);
        } else if (this.query.trim()) {
          // Typed, but nothing to choose: do not register by accident.
          e.preventDefault();
        }
        return;
      case 'Escape':
        if (this.listOpen) {
          e.preventDefault();
          this.listOpen = false;
        } else if (this.query) {
          e.preventDefault();
          this.query = '';
        }
        return;
    }
  }

  private onNoteInput(e: InputEvent) {
    const note = (e.target as HTMLTextAreaElement).value;
    this.setDraft({ note });
    clearTimeout(this.noteTimer);
    this.noteTimer = setTimeout(() => {
      finder().then(
        (f) => {
          this.noteKinds = f.findPersonalData(this.draft.note).map((m) => m.kind);
          this.noteUnchecked = false;
        },
        () => undefined,
      );
    }, NOTE_CHECK_DELAY_MS);
  }

  private async startEarlier() {
    this.setDraft({ earlierAt: timeNow() });
    await this.updateComplete;
    this.timeInput?.focus();
  }

  private async addQuestion() {
    this.draft = { ...this.draft, questions: [...this.draft.questions, newQuestion(this.defaults)] };
    this.activeQuestion = this.draft.questions.length - 1;
    this.errors = { ...this.errors, topic: undefined };
    await this.updateComplete;
    this.searchInput?.focus();
  }

  private async editQuestion(index: number) {
    this.activeQuestion = index;
    await this.updateComplete;
    this.searchInput?.focus();
  }

  private async removeQuestion(index: number) {
    const questions = this.draft.questions.filter((_, i) => i !== index);
    this.draft = { ...this.draft, questions };
    this.activeQuestion = Math.min(this.activeQuestion, questions.length - 1);
    await this.updateComplete;
    this.searchInput?.focus();
  }

  private async repeatPrevious() {
    if (!this.previous) return;
    this.draft = repeatOf(this.previous);
    this.activeQuestion = 0;
    this.errors = {};
    await this.announce({ text: this.t.sameAsPreviousDone });
    this.submitButton?.focus();
  }

  private async chooseLocation(e: SubmitEvent) {
    e.preventDefault();
    const value = new FormData(e.target as HTMLFormElement).get('location');
    if (typeof value !== 'string' || !value) return;
    this.chosenLocation = value;
    writeJson(`location:${this.scope}`, value);
    await this.updateComplete;
    this.searchInput?.focus();
  }

  private forgetLocation() {
    this.chosenLocation = '';
    writeJson(`location:${this.scope}`, '');
  }

  /** Checks the draft; on a problem shows it, moves focus to the field, and answers false. */
  private async validate(): Promise<boolean> {
    const { t, draft } = this;
    const missing = draft.questions.findIndex((q) => !q.topic);
    if (missing >= 0) {
      this.activeQuestion = missing;
      this.errors = { topic: draft.questions.length > 1 ? t.errorNoTopicIn(missing + 1) : t.errorNoTopic };
      await this.updateComplete;
      this.searchInput?.focus();
      return false;
    }
    clearTimeout(this.noteTimer);
    // A note is sent only once checked: when the finder cannot be loaded, the worker is asked to
    // try again or leave the note out.
    let check: PersonalDataFinder | undefined;
    if (draft.note.trim()) check = await finder().catch(() => undefined);
    this.noteUnchecked = !!draft.note.trim() && !check;
    this.noteKinds = check ? check.findPersonalData(draft.note).map((m) => m.kind) : [];
    if (this.noteKinds.length || this.noteUnchecked) {
      this.detailsOpen = true;
      await this.updateComplete;
      this.noteInput?.focus();
      return false;
    }
    if (draft.earlierAt && draft.earlierAt > timeNow()) {
      this.errors = { time: t.timeFuture };
      await this.updateComplete;
      this.timeInput?.focus();
      return false;
    }
    return true;
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    this.errors = {};
    if (!(await this.validate())) return;
    const { t, draft, editing } = this;
    const lang = this.language;
    this.busy = true;
    try {
      const input = toInput(draft, { id: editing?.id ?? uuid(), locationId: this.effectiveLocation || undefined });
      const what = this.what(input.questions.map((q) => q.topic));
      const time = formatTime(input.occurredAt!, lang);
      if (editing) {
        await this.saveCorrection(editing, input);
        this.resetForm();
        void this.announce({ text: t.corrected(what, time) });
      } else {
        const result = await this.outbox!.submit(input);
        if (result.status === 'sent') {
          this.reachable(true);
          this.learnLocation(result.registration.locationId);
          this.emit(new IdoRegisteredEvent(result.registration));
          void this.announce({ text: t.registered(what, time), undo: { id: result.registration.id, queued: false, what, time } });
        } else {
          this.reachable(false);
          this.emit(new IdoQueuedEvent(result.item.registration));
          void this.announce({ text: t.queued(what, time), undo: { id: result.item.id, queued: true, what, time } });
        }
        this.remember(draft);
        this.resetForm();
      }
      this.recentVersion++;
      await this.updateComplete;
      this.searchInput?.focus();
    } catch (error) {
      await this.showError(error);
      this.emit(new IdoErrorEvent(error));
    } finally {
      this.busy = false;
    }
  }

  private async saveCorrection(editing: Editing, input: RegistrationInput) {
    if (editing.queued) {
      const item = this.queue.find((i) => i.id === editing.id);
      if (item) await this.store!.put({ ...item, registration: { ...input, id: editing.id } });
      await this.refreshQueue();
      return;
    }
    const { id: _id, locationId: _location, ...patch } = input;
    await this.client!.registrations.update(editing.id, { ...patch, note: patch.note ?? null });
  }

  /** Shows why something failed, next to the field it concerns where the server says which. */
  private async showError(error: unknown) {
    const t = this.t;
    if (isIdoHttpError(error) && error.status === 422 && error.errors.length) {
      const topic = error.errors.find((e) => /^questions\.\d+\.topic$/.test(e.path));
      const time = error.errors.find((e) => e.path === 'occurredAt');
      const others = error.errors.filter((e) => e !== topic && e !== time);
      this.errors = {
        topic: topic?.message,
        time: time?.message,
        form: others.length ? `${t.errorSend} ${others.map((e) => e.message).join(' ')}` : undefined,
      };
    } else if (isIdoHttpError(error) && (error.status === 401 || error.status === 403)) {
      this.errors = { form: t.keyRefused };
    } else if (isIdoNetworkError(error)) {
      this.errors = { form: t.errorOffline };
    } else {
      const detail = isIdoHttpError(error) ? error.problem?.detail ?? error.problem?.title : undefined;
      this.errors = { form: detail ? `${t.errorSendOther} ${t.errorDetail(detail)}` : t.errorSendOther };
    }
    await this.updateComplete;
    if (this.errors.topic) this.searchInput?.focus();
    else if (this.errors.time) this.timeInput?.focus();
    else this.formError?.focus();
  }

  private async undo() {
    const undo = this.notice?.undo;
    if (!undo) return;
    if (await this.removeRegistration(undo.id, undo.queued)) {
      void this.announce({ text: this.t.undone(undo.what, undo.time) });
      await this.updateComplete;
      this.searchInput?.focus();
    }
  }

  /** Deletes a stored registration, or takes a queued one out of the queue. */
  private async removeRegistration(id: string, queued: boolean): Promise<boolean> {
    try {
      if (queued) {
        await this.store!.delete([id]);
        await this.refreshQueue();
      } else {
        await this.client!.registrations.delete(id);
        this.lastRecent = this.lastRecent.filter((r) => r.id !== id);
      }
      this.recentVersion++;
      return true;
    } catch (error) {
      this.noteFailure(error);
      await this.showError(error);
      this.emit(new IdoErrorEvent(error));
      return false;
    }
  }

  private async startCorrection(row: RecentRow) {
    const source = row.queued
      ? { ...row.queued.registration, occurredAt: row.occurredAt, note: row.queued.registration.note ?? null }
      : row.stored!;
    this.draft = draftFrom(source);
    this.editing = { id: row.id, queued: !!row.queued, what: this.what(row.topics), time: formatTime(row.occurredAt, this.language) };
    this.activeQuestion = 0;
    this.errors = {};
    this.noteKinds = [];
    this.noteUnchecked = false;
    await this.updateComplete;
    this.searchInput?.focus();
  }

  private async cancelCorrection() {
    this.resetForm();
    await this.updateComplete;
    this.searchInput?.focus();
  }

  private async askDelete(id: string) {
    this.confirmingDelete = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#confirm-no')?.focus();
  }

  private async keepRow(id: string) {
    this.confirmingDelete = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`[data-delete="${id}"]`)?.focus();
  }

  private async deleteRow(row: RecentRow) {
    this.confirmingDelete = null;
    if (await this.removeRegistration(row.id, !!row.queued)) {
      void this.announce({ text: this.t.deleted(this.what(row.topics), formatTime(row.occurredAt, this.language)) });
      await this.updateComplete;
      this.recentHeading?.focus();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  private renderBanner() {
    const { t, queue, offline } = this;
    const n = queue.length;
    const text = offline ? (n ? t.offlineWaiting(n) : t.offlineEmpty) : n ? t.waiting(n) : '';
    return html`<div class="banner ${text ? 'shown' : ''}" part="banner">
      <p role="status">${text}</p>
      ${n && !offline ? html`<button type="button" class="button" @click=${() => void this.flush()}>${t.sendNow}</button>` : nothing}
    </div>`;
  }

  private renderLocationChoice(locations: Location[]) {
    const t = this.t;
    return html`<form class="location" @submit=${this.chooseLocation}>
      <fieldset>
        <legend>${t.locationLegend}</legend>
        <p class="hint">${t.locationHint}</p>
        <div class="options column">
          ${locations.map((l, i) => html`<label class="option">
            <input type="radio" name="location" value=${l.id} ?checked=${i === 0} />
            <span>${l.name}<span class="hint"> · ${l.address.city}</span></span>
          </label>`)}
        </div>
      </fieldset>
      <button type="submit" class="button primary">${t.locationSubmit}</button>
    </form>`;
  }

  private renderNotice() {
    const notice = this.notice;
    return html`<div class="notice ${notice ? 'shown' : ''}" part="confirmation">
      <p role="status" id="notice-text">${notice?.text ?? ''}</p>
      ${notice?.undo
        ? html`<button type="button" class="button" aria-describedby="notice-text" @click=${this.undo}>${this.t.undo}</button>`
        : nothing}
    </div>`;
  }

  private renderQuestions() {
    const { t, draft } = this;
    if (draft.questions.length < 2) return nothing;
    return html`<ol class="questions">
      ${draft.questions.map((q, i) => html`<li class=${i === this.activeQuestion ? 'current' : ''} aria-current=${i === this.activeQuestion ? 'true' : nothing}>
        <span class="question-name"><strong>${t.questionN(i + 1)}:</strong> ${q.topic ? this.topicLabel(q.topic) : html`<em>${t.questionEmpty}</em>`}</span>
        ${i === this.activeQuestion ? nothing : html`<button type="button" class="button quiet" @click=${() => this.editQuestion(i)}>${t.editQuestion(i + 1)}</button>`}
        <button type="button" class="button quiet" @click=${() => this.removeQuestion(i)}>${t.removeQuestion(i + 1)}</button>
      </li>`)}
    </ol>`;
  }

  private renderTopicPicker() {
    const { t } = this;
    const taxonomy = this.taxonomy!;
    const q = this.currentQuestion;
    const chips = this.chips(taxonomy);
    const results = this.results;
    const open = this.listOpen && results.length > 0;
    const active = open ? results[this.activeOption] : undefined;
    const searched = this.query.trim();
    const topicError = this.errors.topic;
    return html`<div class="topic" role="group" aria-labelledby="topic-heading">
      <h3 id="topic-heading">${this.draft.questions.length > 1 ? `${t.topicHeading} · ${t.questionN(this.activeQuestion + 1)}` : t.topicHeading}</h3>
      <p class="chips-label" id="chips-label">${t.chipsLabel}</p>
      <div class="chips" part="chips" role="group" aria-labelledby="chips-label">
        ${chips.map((topic) => {
          const pressed = q.topic === topic.code;
          return html`<button type="button" class="chip" part="chip" aria-pressed=${pressed ? 'true' : 'false'}
            @click=${() => this.chooseTopic(pressed ? null : topic.code)}>${topic.label}</button>`;
        })}
      </div>
      <div class="field search-field">
        <label for="search">${t.searchLabel}</label>
        <p class="hint" id="search-hint">${t.searchHint}</p>
        ${topicError ? html`<p class="error" id="topic-error">${topicError}</p>` : nothing}
        <input id="search" part="search" class="control" type="text" role="combobox" autocomplete="off" spellcheck="false"
          aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="topic-list"
          aria-activedescendant=${active ? `option-${active.code}` : nothing}
          aria-describedby=${topicError ? 'topic-error search-hint' : 'search-hint'}
          aria-invalid=${topicError ? 'true' : nothing}
          .value=${live(this.query)}
          @input=${this.onSearchInput} @keydown=${this.onSearchKeydown}
          @blur=${() => (this.listOpen = false)} />
        <ul id="topic-list" role="listbox" aria-label=${t.listLabel} ?hidden=${!open}>
          ${open
            ? results.map((topic, i) => html`<li id="option-${topic.code}" role="option" aria-selected=${i === this.activeOption ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.chooseTopic(topic.code)}>
                ${topic.label}${topic.parent ? html` <span class="hint">${t.parentOf(this.topicLabel(topic.parent))}</span>` : nothing}
              </li>`)
            : nothing}
        </ul>
        <p class="visually-hidden" role="status">${searched && this.listOpen ? (results.length ? t.results(results.length) : t.noResults(searched)) : ''}</p>
        ${searched && this.listOpen && !results.length ? html`<p class="hint" aria-hidden="true">${t.noResults(searched)}</p>` : nothing}
      </div>
      <p class="chosen" id="chosen-topic">${q.topic ? html`${t.chosen} <strong>${this.topicLabel(q.topic)}</strong>` : t.noTopic}</p>
    </div>`;
  }

  private radios(name: string, legend: string, list: ValueList, value: string | null, pick: (code: string | null) => void, none?: string) {
    const entries = (this.taxonomy?.[list] as TaxonomyEntry[] | undefined) ?? [];
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="options">
        ${none !== undefined
          ? html`<label class="option"><input type="radio" name=${name} .checked=${live(value === null)} @change=${() => pick(null)} /><span>${none}</span></label>`
          : nothing}
        ${entries.map((e) => html`<label class="option">
          <input type="radio" name=${name} value=${e.code} .checked=${live(value === e.code)} @change=${() => pick(e.code)} />
          <span>${e.label}</span>
        </label>`)}
      </div>
    </fieldset>`;
  }

  private checkboxes(legend: string, hint: string | null, entries: TaxonomyEntry[], values: string[], toggle: (code: string, on: boolean) => void) {
    return html`<fieldset>
      <legend>${legend}</legend>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      <div class="options">
        ${entries.map((e) => html`<label class="option">
          <input type="checkbox" value=${e.code} .checked=${live(values.includes(e.code))}
            @change=${(ev: Event) => toggle(e.code, (ev.target as HTMLInputElement).checked)} />
          <span>${e.label}</span>
        </label>`)}
      </div>
    </fieldset>`;
  }

  private renderDetails() {
    const { t, draft } = this;
    const taxonomy = this.taxonomy!;
    const q = this.currentQuestion;
    const suggested = q.topic ? this.topicsByCode.get(q.topic)?.agencies ?? [] : [];
    const shownAgencies = taxonomy.agencies.filter((a) => suggested.includes(a.code) || q.agencies.includes(a.code));
    const otherAgencies = taxonomy.agencies.filter((a) => !shownAgencies.includes(a));
    const noteProblem = this.noteUnchecked
      ? t.noteUnchecked
      : this.noteKinds.length && finder.value ? finder.value.describePersonalData(this.noteKinds, this.language) : '';
    const left = NOTE_MAX - draft.note.length;
    return html`<div id="details" class="details" ?hidden=${!this.detailsOpen}>
      ${this.radios('channel', t.channelLegend, 'channels', draft.channel, (c) => this.setDraft({ channel: c! }))}
      ${this.radios('duration', t.durationLegend, 'durations', draft.duration, (c) => this.setDraft({ duration: c! }))}
      ${this.checkboxes(t.helpLegend, null, taxonomy.help, q.help, (code, on) => this.updateQuestion((x) => ({ ...x, help: this.toggleIn(x.help, code, on) })))}
      <fieldset>
        <legend>${t.agenciesLegend}</legend>
        ${suggested.length ? html`<p class="hint">${t.agenciesSuggested}</p>` : nothing}
        <div class="options">
          ${shownAgencies.map((a) => html`<label class="option">
            <input type="checkbox" .checked=${live(q.agencies.includes(a.code))}
              @change=${(ev: Event) => this.updateQuestion((x) => ({ ...x, agencies: this.toggleIn(x.agencies, a.code, (ev.target as HTMLInputElement).checked) }))} />
            <span>${a.label}</span>
          </label>`)}
        </div>
        <label for="add-agency" class="sub-label">${t.addAgency}</label>
        <select id="add-agency" class="control narrow"
          @change=${(ev: Event) => {
            const select = ev.target as HTMLSelectElement;
            if (select.value) this.updateQuestion((x) => ({ ...x, agencies: this.toggleIn(x.agencies, select.value, true) }));
            select.value = '';
          }}>
          <option value="">${t.addAgencyPlaceholder}</option>
          ${otherAgencies.map((a) => html`<option value=${a.code}>${a.label}</option>`)}
        </select>
      </fieldset>
      ${this.radios('digid', t.digidLegend, 'digid', q.digid, (c) => this.updateQuestion((x) => ({ ...x, digid: c })), t.digidNotAsked)}
      ${this.radios('type', t.typeLegend, 'questionTypes', q.type, (c) => this.updateQuestion((x) => ({ ...x, type: c! })))}
      <div class="field">
        <label for="note">${t.noteLabel}</label>
        <p class="hint" id="note-hint">${t.noteHint}</p>
        ${noteProblem ? html`<p class="error" id="note-error">${noteProblem}</p>` : nothing}
        <textarea id="note" class="control" rows="3" maxlength=${NOTE_MAX}
          aria-describedby=${noteProblem ? 'note-error note-hint note-left' : 'note-hint note-left'}
          aria-invalid=${noteProblem ? 'true' : nothing}
          .value=${live(draft.note)} @input=${this.onNoteInput}></textarea>
        <p class="hint" id="note-left">${t.noteLeft(left)}</p>
      </div>
    </div>`;
  }

  private renderWhen() {
    const { t, draft } = this;
    if (draft.earlierAt === null) {
      return html`<button type="button" class="button quiet" @click=${this.startEarlier}>${t.earlierToday}</button>`;
    }
    const timeError = this.errors.time;
    return html`<div class="field when">
      <label for="time">${t.timeLabel}</label>
      ${timeError ? html`<p class="error" id="time-error">${timeError}</p>` : nothing}
      <div class="inline">
        <input id="time" class="control time" type="time" required .value=${live(draft.earlierAt)}
          aria-invalid=${timeError ? 'true' : nothing} aria-describedby=${timeError ? 'time-error' : nothing}
          @input=${(e: Event) => this.setDraft({ earlierAt: (e.target as HTMLInputElement).value || timeNow() })} />
        <button type="button" class="button quiet" @click=${() => this.setDraft({ earlierAt: null })}>${t.backToNow}</button>
      </div>
    </div>`;
  }

  private renderForm() {
    const { t, editing } = this;
    const summary = this.summaryText();
    const topic = this.currentQuestion.topic;
    return html`<form part="form" class="form" novalidate aria-labelledby="title" @submit=${this.submit}>
      <h2 id="title">${t.title}</h2>
      ${editing ? html`<p class="editing">${t.correcting(editing.what, editing.time)}</p>` : nothing}
      ${this.renderQuestions()}
      ${this.renderTopicPicker()}
      <div class="summary-row">
        <button type="button" class="summary" part="summary" aria-expanded=${this.detailsOpen ? 'true' : 'false'} aria-controls="details"
          @click=${() => (this.detailsOpen = !this.detailsOpen)}>
          <span class="visually-hidden">${t.detailsLabel}: </span>
          <span class="summary-text">${summary}</span>
          <span class="summary-change">${this.detailsOpen ? t.close : t.change}</span>
        </button>
        ${this.renderWhen()}
      </div>
      ${this.renderDetails()}
      ${this.errors.form ? html`<p class="error form-error" id="form-error" role="alert" tabindex="-1">${this.errors.form}</p>` : nothing}
      <p class="visually-hidden" id="visit-summary">${topic ? `${this.what(this.draft.questions.map((q) => q.topic ?? '').filter(Boolean))}. ` : ''}${summary}</p>
      <div class="actions">
        <button id="submit" part="submit" class="button primary submit" type="submit" aria-describedby="visit-summary">
          ${editing ? t.saveCorrection : t.submit}
        </button>
        ${editing
          ? html`<button type="button" class="button" @click=${this.cancelCorrection}>${t.cancelCorrection}</button>`
          : html`<button type="button" class="button" @click=${this.addQuestion}>${t.addQuestion}</button>
              ${this.previous ? html`<button type="button" class="button" @click=${this.repeatPrevious}>${t.sameAsPrevious}</button>` : nothing}`}
      </div>
    </form>`;
  }

  private renderPartner(partner: Partner) {
    const t = this.t;
    const referral = this.currentQuestion.referral;
    const contact = partner.contact as { phone?: string; email?: string; url?: string };
    const choice = (warm: boolean) => {
      const pressed = referral?.partnerId === partner.id && referral.warm === warm;
      return html`<button type="button" class="button choice" aria-pressed=${pressed ? 'true' : 'false'} aria-describedby="referral-hint"
        @click=${() => this.refer(partner, warm)}>${warm ? t.warm : t.cold}<span class="visually-hidden">: ${partner.name}</span></button>`;
    };
    return html`<li class="partner">
      <p class="partner-name"><strong>${partner.name}</strong> <span class="hint">· ${this.label('partnerKinds', partner.kind)}</span></p>
      ${partner.spreekuur ? html`<p><span class="term">${t.spreekuur}:</span> ${partner.spreekuur}</p>` : nothing}
      ${partner.address ? html`<p><span class="term">${t.address}:</span> ${partner.address}</p>` : nothing}
      ${contact.phone || contact.email || contact.url
        ? html`<p class="contact">
            ${contact.phone ? html`<a href="tel:${contact.phone.replace(/[^\d+]/g, '')}">${contact.phone}</a>` : nothing}
            ${contact.email ? html`<a href="mailto:${contact.email}">${contact.email}</a>` : nothing}
            ${contact.url ? html`<a href=${contact.url} target="_blank" rel="noopener noreferrer">${contact.url.replace(/^https?:\/\//, '')}<span class="visually-hidden"> ${t.newWindow}</span></a>` : nothing}
          </p>`
        : nothing}
      <div class="choices">${choice(true)}${choice(false)}</div>
      ${referral?.partnerId === partner.id ? html`<p class="chosen-referral">✓ ${t.referralChosen(partner.name, referral.warm)}</p>` : nothing}
    </li>`;
  }

  private renderLookup() {
    const t = this.t;
    const code = this.currentQuestion.topic;
    const topic = code ? this.topicsByCode.get(code) : undefined;
    const partners = (result: { value: Partner[]; fromCache: boolean }) =>
      html`${result.fromCache ? html`<p class="hint">${t.partnersFromCache}</p>` : nothing}
        ${result.value.length ? html`<ul class="partners">${result.value.map((p) => this.renderPartner(p))}</ul>` : html`<p>${t.partnersNone}</p>`}`;
    return html`<aside class="lookup" part="lookup" aria-labelledby="lookup-heading">
      <h3 id="lookup-heading">${topic ? t.lookupFor(lowerFirst(topic.label)) : t.lookupHeading}</h3>
      ${!topic
        ? html`<p class="hint">${t.lookupEmpty}</p>`
        : html`
          ${topic.links.length
            ? html`<h4>${t.linksHeading}</h4>
              <ul class="links">${topic.links.map((l) => html`<li><a href=${l.url} target="_blank" rel="noopener noreferrer">${l.label}<span class="visually-hidden"> ${t.newWindow}</span></a></li>`)}</ul>`
            : nothing}
          <h4>${t.partnersHeading}</h4>
          <p class="hint" id="referral-hint">${t.referralHint}</p>
          ${this.partnersTask.render({
            // Until the server answers, this browser's copy (a server that does not answer takes long to
            // fail); not yet marked as a copy, for online the fresh list follows in a moment.
            pending: () => {
              const remembered = rememberedPartners(this.deskKey, code!);
              return remembered ? partners({ value: remembered, fromCache: false }) : html`<p class="hint">${t.partnersLoading}</p>`;
            },
            error: () => html`<p class="hint">${t.partnersFailed}</p>`,
            complete: partners,
          })}`}
    </aside>`;
  }

  private renderRecentRow(row: RecentRow) {
    const t = this.t;
    const what = this.what(row.topics);
    const time = formatTime(row.occurredAt, this.language);
    const confirming = this.confirmingDelete === row.id;
    return html`<li class="row ${row.queued ? 'queued' : ''}">
      <span class="time">${time}</span>
      <span class="what">${what}${row.queued ? html` <span class="badge">${t.pending}</span>` : nothing}</span>
      <span class="row-actions">
        ${confirming
          ? html`<span>${t.confirmDelete}</span>
              <button type="button" class="button danger" @click=${() => this.deleteRow(row)}>${t.confirmYes}</button>
              <button type="button" class="button" id="confirm-no" @click=${() => this.keepRow(row.id)}>${t.confirmNo}</button>`
          : html`<button type="button" class="button" aria-label=${t.editLabel(what, time)} @click=${() => this.startCorrection(row)}>${t.edit}</button>
              <button type="button" class="button" data-delete=${row.id} aria-label=${t.deleteLabel(what, time)} @click=${() => this.askDelete(row.id)}>${t.delete}</button>`}
      </span>
    </li>`;
  }

  private renderRecent() {
    const t = this.t;
    const rows = this.recentRows;
    const status = this.recentTask.status;
    let empty: string = t.recentEmpty;
    if (status === TaskStatus.PENDING && !this.lastRecent.length) empty = t.recentLoading;
    const failed = this.offline ? t.recentOffline : t.recentFailed;
    if (status === TaskStatus.ERROR) empty = failed;
    return html`<section class="recent" part="recent" aria-labelledby="recent-heading">
      <h3 id="recent-heading" tabindex="-1">${t.recentHeading}</h3>
      ${status === TaskStatus.ERROR && rows.length ? html`<p class="hint">${failed}</p>` : nothing}
      ${rows.length ? html`<ol class="rows">${(this.showAllRecent ? rows : rows.slice(0, RECENT_SHOWN)).map((r) => this.renderRecentRow(r))}</ol>` : html`<p class="hint">${empty}</p>`}
      ${rows.length > RECENT_SHOWN
        ? html`<button type="button" class="button quiet" aria-expanded=${this.showAllRecent ? 'true' : 'false'}
            @click=${() => (this.showAllRecent = !this.showAllRecent)}>${this.showAllRecent ? t.recentFewer(RECENT_SHOWN) : t.recentAll(rows.length)}</button>`
        : nothing}
    </section>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const t = this.t;
    if (!this.deskKey) return html`<p class="error">${t.noKey}</p>`;
    if (this.keyRefused) return html`<p class="error">${t.keyRefused}</p>`;
    if (!this.taxonomy) {
      if (this.taxonomyTask.status === TaskStatus.ERROR) {
        return html`<div class="problem"><p class="error" role="alert">${t.loadFailed}</p>
          <button type="button" class="button" @click=${() => void this.taxonomyTask.run()}>${t.retry}</button></div>`;
      }
      return html`<p class="hint" role="status">${t.loading}</p>`;
    }
    if (!this.effectiveLocation && this.locationTask.status === TaskStatus.PENDING) return html`<p class="hint" role="status">${t.locationLoading}</p>`;
    const info = this.deskScope;
    if (this.needsLocationChoice) return this.renderLocationChoice(info!.locations);
    const here = this.location ? undefined : info?.locations.find((l) => l.id === this.effectiveLocation);
    return html`
      ${here
        ? html`<p class="location-line">${t.locationCurrent(here.name)}
            ${!info?.bound && here.id === this.chosenLocation
              ? html`<button type="button" class="button quiet" @click=${this.forgetLocation}>${t.locationChange}</button>`
              : nothing}</p>`
        : nothing}
      ${this.refusedInQueue ? html`<p class="error" role="alert">${t.failedQueued(this.refusedInQueue)}</p>` : nothing}
      ${this.renderNotice()}
      <div class="layout">
        ${this.renderForm()}
        ${this.renderLookup()}
      </div>
      ${this.renderRecent()}`;
  }

  override render() {
    return html`<div class="root" lang=${this.language}>
      ${this.renderBanner()}
      ${this.renderBody()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ido-registratie': IdoRegistratie;
  }
}

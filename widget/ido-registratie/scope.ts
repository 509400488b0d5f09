/**
 * The desk's scope: for this desk key, where the desk registers (the location the key is bound to,
 * the `location` attribute, or the one the worker chose once) and what its chips are (the desk's
 * topic counts up to yesterday; the search also weighs this browser's own choices). Reactive
 * controller of `<ido-registratie>`: its tasks ask the server, and until it answers (or when it
 * cannot) this browser's copies are used.
 */
import type { ReactiveControllerHost } from 'lit';
import { addDays } from '../../sdk/amsterdam-time.js';
import type { Taxonomy, Topic } from '../../sdk/schemas/taxonomy.js';
import { fingerprint, readJson, writeJson } from '../shared/storage.js';
import { Task, TaskStatus, initialState } from '../shared/task.js';
import type { Cached, DeskConnection } from './connection.js';
import { countsCacheKey, fetchScope, rememberedCounts, rememberedScope, scopeCacheKey, type DeskScope } from './desk-location.js';
import { topTopics, usageWeights } from './topic-search.js';
import { today } from './visit.js';

/** The chips show this many topics. */
const CHIP_COUNT = 8;
/** The browser remembers this many of its own topic choices for the chips. */
const OWN_CHOICES_MAX = 100;
/** The chips reflect this many days of the desk's questions, up to yesterday (see `chips`). */
const CHIP_PERIOD_DAYS = 90;

export class DeskScopeController {
  readonly locationTask: Task<readonly unknown[], Cached<DeskScope>>;
  readonly chipsTask: Task<readonly unknown[], Cached<[string, number][]>>;
  /** The location the worker chose (for a key that may register at several). */
  chosen = '';
  /** The location the server put the first registration at (a key whose binding is not known yet). */
  private learnt = '';
  /** This browser's own topic choices, newest last: they rank the search, not the chips. */
  private ownChoices: string[] = [];
  /** What this browser remembers of the key's location and of the desk's counts: used until the server answers. */
  private remembered: { scope: DeskScope | null; counts?: { key: string; value: [string, number][] | undefined } } = { scope: null };
  private chipOrder: { taxonomy: Taxonomy; counts: unknown; codes: string[] } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly connection: DeskConnection,
    /** The `location` attribute ('' when not set). */
    private readonly attribute: () => string,
  ) {
    this.locationTask = new Task(host, {
      args: () => [connection.client, connection.key, attribute()] as const,
      task: async ([client, key, location], { signal }) => {
        if (!client || !key) return initialState;
        if (location) {
          // The page names the location, but the key is still asked about when the element loads,
          // so that a key that does not work on this website says so in place of the form, and
          // not after the first visit (the value lists may come from the browser's cache).
          await client.auth.me({ signal }).then(
            () => connection.reachable(true),
            (error: unknown) => connection.noteFailure(error, true),
          );
          return initialState;
        }
        // `auth/me` and the locations: a 403 from either can only be the key's.
        return connection.cached(scopeCacheKey(key), signal, () => fetchScope(client, signal), true);
      },
    });
    this.chipsTask = new Task(host, {
      args: () => [connection.client, this.location] as const,
      task: async ([client, locationId], { signal }) => {
        if (!client || !locationId) return initialState;
        return connection.cached(countsCacheKey(connection.key, locationId), signal, async () => {
          // Up to yesterday: today's visits never move a chip, and every page opened today (in any
          // browser of this desk) gets the same counts, so the same chips in the same places.
          const day = today();
          const summary = await client.reports.summary(
            { groupBy: 'topic', locationId, from: addDays(day, -CHIP_PERIOD_DAYS), to: addDays(day, -1) },
            { signal },
          );
          return summary.groups.map((g): [string, number] => [g.key, g.questions]);
        });
      },
    });
  }

  /** Reads what this browser remembers for the (new) desk key. */
  load(): void {
    const key = this.connection.key;
    const scope = fingerprint(key);
    this.ownChoices = readJson<string[]>(`choices:${scope}`, []);
    this.chosen = readJson<string>(`location:${scope}`, '');
    this.learnt = readJson<string>(`bound:${scope}`, '');
    this.remembered = { scope: rememberedScope(key) };
    this.chipOrder = null;
  }

  /** The key's location and its organisation's locations: from the server, or until it answers from this browser's copy. */
  get scope(): DeskScope | null {
    return this.locationTask.value?.value ?? this.remembered.scope;
  }

  /** Where the desk registers; '' while that is not known. */
  get location(): string {
    const attribute = this.attribute();
    if (attribute) return attribute;
    const info = this.scope;
    if (info?.bound) return info.bound;
    if (this.chosen && (!info || info.locations.some((l) => l.id === this.chosen))) return this.chosen;
    return this.learnt;
  }

  /** True when the key may register at several locations and none has been chosen yet. */
  get needsChoice(): boolean {
    const info = this.scope;
    return !this.location && !!info && !info.bound && info.locations.length > 1;
  }

  /** The worker chose a location ('' forgets the choice); remembered in this browser. */
  choose(locationId: string): void {
    this.chosen = locationId;
    writeJson(`location:${fingerprint(this.connection.key)}`, locationId);
    this.host.requestUpdate();
  }

  /** The server put a registration at `locationId`: where this key registers, when that was not known. */
  learn(locationId: string): void {
    if (this.location || !locationId) return;
    this.learnt = locationId;
    writeJson(`bound:${fingerprint(this.connection.key)}`, locationId);
  }

  /** Topics this browser just registered: they count for the chips and the search. */
  addChoices(topics: string[]): void {
    this.ownChoices = [...this.ownChoices, ...topics].slice(-OWN_CHOICES_MAX);
    writeJson(`choices:${fingerprint(this.connection.key)}`, this.ownChoices);
  }

  /** The desk's topic counts: from the server, or until it answers from this browser's copy. */
  private get counts(): [string, number][] | undefined {
    const fresh = this.chipsTask.value?.value;
    if (fresh) return fresh;
    const location = this.location;
    if (!location) return undefined;
    const key = countsCacheKey(this.connection.key, location);
    if (this.remembered.counts?.key !== key) this.remembered.counts = { key, value: rememberedCounts(this.connection.key, location) };
    return this.remembered.counts.value;
  }

  /** A ranking weight per topic code for the search: the desk's counts and this browser's own choices. */
  get weights(): Map<string, number> {
    return usageWeights(new Map(this.counts ?? []), this.ownChoices);
  }

  /**
   * The quick-entry chips: the desk's commonest topics of the last 90 days up to yesterday (the
   * national favourites for a desk without history), ties by label. Not this browser's own
   * choices: the order is the same all day, after a reload and in every browser of the desk, so
   * that a chip is where the worker's hand expects it. They wait for this desk's counts, and then
   * keep their order for as long as the page is open.
   */
  chips(taxonomy: Taxonomy, byCode: Map<string, Topic>): Topic[] {
    const counts = this.counts;
    if (!counts && this.chipsTask.status === TaskStatus.PENDING) return [];
    if (this.chipOrder?.taxonomy !== taxonomy || this.chipOrder.counts !== counts) {
      const previous = this.chipOrder?.codes;
      const fresh = topTopics(taxonomy.topics, usageWeights(new Map(counts ?? [])), CHIP_COUNT).map((t) => t.code);
      // A new language or a refetch keeps the chips the worker already sees.
      const codes = previous && previous.every((c) => byCode.has(c)) && this.chipOrder!.counts !== undefined ? previous : fresh;
      this.chipOrder = { taxonomy, counts, codes };
    }
    return this.chipOrder.codes.map((c) => byCode.get(c)).filter((t): t is Topic => !!t);
  }
}

/**
 * Today's visits at this desk: what the server stored (and, until it answers or when it cannot,
 * what this browser saw of today), with the visits still waiting in the outbox, and their
 * corrections and deletes. A reactive part of `<ido-registratie>`: its task asks again when the
 * location changes or after a change.
 */
import type { ReactiveControllerHost } from 'lit';
import type { OutboxItem } from '../../sdk/outbox.js';
import type { Registration, RegistrationInput } from '../../sdk/schemas/registration.js';
import { writeJson } from '../shared/storage.js';
import { Task, initialState } from '../shared/task.js';
import type { DeskConnection } from './connection.js';
import { recentCacheKey, rememberedRecent, type RememberedRecent } from './desk-location.js';
import { today } from './visit.js';

/** One visit in the list: stored, or still waiting (`queued`). */
export interface RecentRow {
  id: string;
  occurredAt: string;
  createdAt: string;
  topics: string[];
  queued: OutboxItem | null;
  stored: Registration | null;
}

export class RecentVisits {
  readonly task: Task<readonly unknown[], Registration[]>;
  /** Asks the task to run again (after a registration, correction or delete). */
  private version = 0;
  /** The last stored visits seen, also while the task runs again. */
  private last: Registration[] = [];
  /** The location `last` belongs to. */
  private lastAt: string | null | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly connection: DeskConnection,
    /** Where the desk registers ('' while not known). */
    location: () => string,
  ) {
    this.task = new Task(host, {
      args: () => [connection.client, location(), this.version] as const,
      task: async ([client, locationId], { signal }) => {
        const key = connection.key;
        if (!client || !key) return initialState;
        const day = today();
        // Until the server answers (or when it cannot), show what this browser saw of today here.
        if (this.lastAt !== locationId) this.last = rememberedRecent(key, locationId, day);
        this.lastAt = locationId;
        try {
          const { items } = await client.registrations.list({ from: day, ...(locationId ? { locationId } : {}), limit: 200 }, { signal });
          connection.reachable(true);
          this.last = items;
          writeJson(recentCacheKey(key, locationId), { day, items } satisfies RememberedRecent);
          return items;
        } catch (error) {
          connection.noteFailure(error);
          throw error;
        }
      },
    });
  }

  /** Reads the list again. */
  refresh(): void {
    this.version++;
    this.host.requestUpdate();
  }

  /** Saves a correction: in the queue for a visit still waiting, else on the server. */
  async correct(id: string, queued: boolean, input: RegistrationInput): Promise<void> {
    const { connection } = this;
    if (queued) {
      const item = connection.queue.find((i) => i.id === id);
      if (item) await connection.store!.put({ ...item, registration: { ...input, id } });
      await connection.refreshQueue();
      return;
    }
    const { id: _id, locationId: _location, ...patch } = input;
    await connection.client!.registrations.update(id, { ...patch, note: patch.note ?? null });
  }

  /** Deletes a stored visit (gone from the list at once), or takes a waiting one out of the queue. */
  async remove(id: string, queued: boolean): Promise<void> {
    const { connection } = this;
    if (queued) {
      await connection.store!.delete([id]);
      await connection.refreshQueue();
    } else {
      await connection.client!.registrations.delete(id);
      this.last = this.last.filter((r) => r.id !== id);
    }
    this.refresh();
  }

  /** Nothing stored seen yet (the first answer is still to come). */
  get empty(): boolean {
    return !this.last.length;
  }

  /** Every queued visit (also an older one: it is not counted until it is sent) and today's stored ones, newest first. */
  rows(queue: OutboxItem[]): RecentRow[] {
    const stored = this.task.value ?? this.last;
    const queuedIds = new Set(queue.map((i) => i.id));
    const rows: RecentRow[] = [
      ...queue.map((i) => ({
        id: i.id,
        occurredAt: i.registration.occurredAt ?? i.queuedAt,
        createdAt: i.queuedAt,
        topics: i.registration.questions.map((q) => q.topic),
        queued: i,
        stored: null,
      })),
      ...stored
        .filter((r) => !queuedIds.has(r.id))
        .map((r) => ({
          id: r.id,
          occurredAt: r.occurredAt,
          createdAt: r.createdAt,
          topics: r.questions.map((q) => q.topic),
          queued: null,
          stored: r,
        })),
    ];
    const instant = (iso: string) => new Date(iso).getTime();
    return rows.sort((a, b) => instant(b.occurredAt) - instant(a.occurredAt) || instant(b.createdAt) - instant(a.createdAt));
  }
}

/**
 * The value lists of the desk (topics, channels, durations, help, agencies, …) in the element's
 * language: from the server, else this browser's copy, so that a desk without a connection still
 * registers. A reactive controller of `<ido-registratie>` (its task asks again when the client or
 * the language changes); it also names codes as the worker reads them.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../../sdk/schemas/common.js';
import type { Taxonomy, TaxonomyEntry, Topic } from '../../sdk/schemas/taxonomy.js';
import { formatList } from '../shared/i18n.js';
import { readJson, writeJson } from '../shared/storage.js';
import { Task, initialState } from '../shared/task.js';
import type { DeskConnection } from './connection.js';

export type ValueList = 'channels' | 'durations' | 'help' | 'agencies' | 'digid' | 'questionTypes' | 'partnerKinds';

export class ValueLists {
  readonly task: Task<readonly [DeskConnection['client'], Lang], Taxonomy>;
  private copy: { lang: string; value: Taxonomy | null } | null = null;
  private index: { source: Taxonomy; byCode: Map<string, Topic> } | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly connection: DeskConnection,
    private readonly lang: () => Lang,
  ) {
    this.task = new Task(host, {
      args: () => [connection.client, lang()] as const,
      task: async ([client, lang], { signal }) => {
        if (!client) return initialState;
        const cacheKey = `taxonomy:${lang}`;
        try {
          const taxonomy = await client.taxonomy.get({ lang }, { signal });
          writeJson(cacheKey, taxonomy);
          connection.reachable(true);
          return taxonomy;
        } catch (error) {
          connection.noteFailure(error, true);
          const cached = readJson<Taxonomy | null>(cacheKey, null);
          if (cached && !signal.aborted) return cached;
          throw error;
        }
      },
    });
  }

  /** The value lists: the server's answer, else this browser's copy (null before either). */
  get taxonomy(): Taxonomy | null {
    const value = this.task.value;
    if (value) return value;
    const lang = this.lang();
    if (this.copy?.lang !== lang) this.copy = { lang, value: readJson<Taxonomy | null>(`taxonomy:${lang}`, null) };
    return this.copy.value;
  }

  get topicsByCode(): Map<string, Topic> {
    const taxonomy = this.taxonomy;
    if (!taxonomy) return new Map();
    if (this.index?.source !== taxonomy) this.index = { source: taxonomy, byCode: new Map(taxonomy.topics.map((t) => [t.code, t])) };
    return this.index.byCode;
  }

  entries(list: ValueList): TaxonomyEntry[] {
    return (this.taxonomy?.[list] as TaxonomyEntry[] | undefined) ?? [];
  }

  /** The label of a code (its short form where there is one and `short` is asked); the code itself when unknown. */
  label(list: ValueList, code: string, short = false): string {
    const e = this.entries(list).find((x) => x.code === code);
    return (short ? e?.short : undefined) ?? e?.label ?? code;
  }

  topicLabel(code: string): string {
    return this.topicsByCode.get(code)?.label ?? code;
  }

  /**
   * "Huurtoeslag" or "Huurtoeslag en DigiD aanvragen": the topics by their labels as they are, so
   * every confirmation and row writes them with the same capitals as the chips.
   */
  what(topics: string[]): string {
    return formatList(
      topics.map((code) => this.topicLabel(code)),
      this.lang(),
    );
  }
}

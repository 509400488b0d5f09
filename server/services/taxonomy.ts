/** The value lists: seeded from versioned data files, read from the database, held in memory for validation. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asc, eq, sql } from 'drizzle-orm';
import { TAXONOMY_LISTS, type Taxonomy, type TaxonomyList, type TaxonomyVersion } from '../../sdk/schemas/taxonomy.js';
import type { Database } from '../db/client.js';
import { taxonomyEntries, taxonomyVersions } from '../db/schema.js';
import type { Lang } from '../http/messages.js';

type Localised = { nl: string; en: string };
interface Entry {
  code: string;
  label: Localised;
  short?: Localised;
  parent?: string | null;
  agencies?: string[];
  links?: { label: Localised; url: string }[];
  keywords?: string[];
  url?: string;
}
interface VersionFile {
  version: string;
  validFrom: string;
  replaces: string | null;
  mappings: Record<string, string>;
  lists: Record<TaxonomyList, Entry[]>;
}

export const taxonomyFolder = fileURLToPath(new URL('../data/taxonomy/', import.meta.url));

function readVersionFiles(folder = taxonomyFolder): VersionFile[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(folder + f, 'utf8')) as VersionFile)
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** Inserts each version file that the database does not have yet; the newest becomes current. Safe to run concurrently. */
export async function seedTaxonomy(database: Database): Promise<void> {
  const files = readVersionFiles();
  const { db } = database;
  await db.transaction(async (tx) => {
    const known = new Set((await tx.select({ v: taxonomyVersions.version }).from(taxonomyVersions)).map((r) => r.v));
    for (const file of files) {
      if (known.has(file.version)) continue;
      // A server starting at the same moment may have inserted it since: then its entries are there too.
      const inserted = await tx
        .insert(taxonomyVersions)
        .values({ version: file.version, validFrom: file.validFrom, replaces: file.replaces, mappings: file.mappings })
        .onConflictDoNothing({ target: taxonomyVersions.version })
        .returning({ version: taxonomyVersions.version });
      if (!inserted.length) continue;
      const rows = TAXONOMY_LISTS.flatMap((list) =>
        (file.lists[list] ?? []).map((entry, position) => {
          const { code, ...data } = entry;
          return { version: file.version, list, code, position, data: data as Record<string, unknown> };
        }),
      );
      await tx.insert(taxonomyEntries).values(rows);
    }
    const newest = files.at(-1)!.version;
    await tx
      .update(taxonomyVersions)
      .set({ current: sql`${taxonomyVersions.version} = ${newest}` })
      .where(sql`true`);
  });
}

export interface TaxonomyService {
  /** The current version's code. */
  current(): string;
  versions(): TaxonomyVersion[];
  /** The lists of one version in one language, as `GET /api/v1/taxonomy` answers them; null for an unknown version. */
  view(lang: Lang, version?: string): Taxonomy | null;
  /** Whether a code exists in a list of the current version. */
  has(list: TaxonomyList, code: string): boolean;
  /** A code's label in the current version, following mappings of retired codes; the code itself when unknown. */
  label(list: TaxonomyList, code: string, lang: Lang): string;
  /** The current code for a code of any version (retired codes mapped). */
  currentCode(code: string): string;
  /** Re-reads the database (after seeding). */
  reload(): Promise<void>;
}

interface Loaded {
  version: TaxonomyVersion;
  lists: Map<TaxonomyList, Entry[]>;
}

export async function loadTaxonomy(database: Database): Promise<TaxonomyService> {
  let loaded: Loaded[] = [];
  let codeSets = new Map<TaxonomyList, Set<string>>();
  let currentVersion = '';
  const views = new Map<string, Taxonomy>();

  async function reload() {
    const { db } = database;
    const versionRows = await db.select().from(taxonomyVersions).orderBy(asc(taxonomyVersions.validFrom));
    const entryRows = await db
      .select()
      .from(taxonomyEntries)
      .orderBy(asc(taxonomyEntries.version), asc(taxonomyEntries.list), asc(taxonomyEntries.position));
    loaded = versionRows.map((v) => {
      const lists = new Map<TaxonomyList, Entry[]>();
      for (const list of TAXONOMY_LISTS) lists.set(list, []);
      for (const e of entryRows)
        if (e.version === v.version) lists.get(e.list as TaxonomyList)?.push({ code: e.code, ...(e.data as Omit<Entry, 'code'>) });
      return {
        version: { version: v.version, validFrom: v.validFrom, current: v.current, replaces: v.replaces, mappings: v.mappings },
        lists,
      };
    });
    const current = loaded.find((l) => l.version.current) ?? loaded.at(-1);
    if (!current) throw new Error('No taxonomy in the database: run the migrations and seed.');
    currentVersion = current.version.version;
    codeSets = new Map(TAXONOMY_LISTS.map((list) => [list, new Set(current.lists.get(list)!.map((e) => e.code))]));
    views.clear();
  }
  await reload();

  const mappings = () => Object.assign({}, ...loaded.map((l) => l.version.mappings)) as Record<string, string>;

  function currentCode(code: string): string {
    const map = mappings();
    let c = code;
    for (let i = 0; i < 10 && map[c]; i++) c = map[c];
    return c;
  }

  function view(lang: Lang, version = currentVersion): Taxonomy | null {
    const cacheKey = `${version}:${lang}`;
    const cached = views.get(cacheKey);
    if (cached) return cached;
    const source = loaded.find((l) => l.version.version === version);
    if (!source) return null;
    const out: Record<string, unknown> = { version, lang };
    for (const list of TAXONOMY_LISTS) {
      out[list] = source.lists.get(list)!.map((e) => {
        const item: Record<string, unknown> = { code: e.code, label: e.label[lang] };
        if (e.short) item.short = e.short[lang];
        if (e.url) item.url = e.url;
        if (list === 'topics') {
          item.parent = e.parent ?? null;
          item.agencies = e.agencies ?? [];
          item.links = (e.links ?? []).map((l) => ({ label: l.label[lang], url: l.url }));
          item.keywords = e.keywords ?? [];
        }
        return item;
      });
    }
    const result = out as unknown as Taxonomy;
    views.set(cacheKey, result);
    return result;
  }

  return {
    current: () => currentVersion,
    versions: () => loaded.map((l) => l.version),
    view,
    has: (list, code) => codeSets.get(list)?.has(code) ?? false,
    currentCode,
    label(list, code, lang) {
      const c = currentCode(code);
      for (const l of [...loaded].reverse()) {
        const hit = l.lists.get(list)?.find((e) => e.code === c);
        if (hit) return hit.label[lang];
      }
      return code;
    },
    reload,
  };
}

export async function taxonomyVersionExists(database: Database, version: string) {
  const rows = await database.db.select().from(taxonomyVersions).where(eq(taxonomyVersions.version, version));
  return rows.length > 0;
}

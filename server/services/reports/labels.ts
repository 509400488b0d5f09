/** Labels and order of report groups: value-list labels, location and organisation names, periods. */
import { inArray } from 'drizzle-orm';
import type { SummaryGroupBy } from '../../../sdk/schemas/reports.js';
import type { TaxonomyList } from '../../../sdk/schemas/taxonomy.js';
import type { Database } from '../../db/client.js';
import { locations, organisations } from '../../db/schema.js';
import type { Lang } from '../../http/messages.js';
import type { Deps } from '../../types.js';
import { isPeriodGroup, type PeriodGroup } from './periods.js';
import { isUuid } from './scope.js';

export interface CountedGroup {
  key: string;
  visits: number;
  questions: number;
}

/** Periods by key; everything else by visits (most first), then questions, then key. */
export function sortGroups<T extends CountedGroup>(groupBy: string, groups: T[]): T[] {
  const byKey = (a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...groups].sort(isPeriodGroup(groupBy) ? byKey : (a, b) => b.visits - a.visits || b.questions - a.questions || byKey(a, b));
}

const MONTHS: Record<Lang, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WEEKDAYS: Record<Lang, string[]> = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** A readable label for a period key: `2026-11-28`, `2026-W48`, `2026-11`, `2026-Q4`, `2026`, `1-09`. */
export function periodLabel(groupBy: PeriodGroup | 'quarter' | 'year', key: string, lang: Lang): string {
  let m: RegExpExecArray | null;
  switch (groupBy) {
    case 'day':
      if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key))) return `${Number(m[3])} ${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
      break;
    case 'week':
      if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) return lang === 'nl' ? `week ${Number(m[2])}, ${m[1]}` : `Week ${Number(m[2])}, ${m[1]}`;
      break;
    case 'month':
      if ((m = /^(\d{4})-(\d{2})$/.exec(key))) return `${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
      break;
    case 'quarter':
      if ((m = /^(\d{4})-Q(\d)$/.exec(key))) return lang === 'nl' ? `${m[2]}e kwartaal ${m[1]}` : `Q${m[2]} ${m[1]}`;
      break;
    case 'year':
      return key;
    case 'weekday-hour':
      if ((m = /^([1-7])-(\d{2})$/.exec(key))) {
        const hour = Number(m[2]);
        const next = String((hour + 1) % 24).padStart(2, '0');
        return `${WEEKDAYS[lang][Number(m[1]) - 1]} ${m[2]}:00–${next}:00`;
      }
      break;
  }
  return key;
}

const TAXONOMY_GROUP_LIST: Partial<Record<SummaryGroupBy, TaxonomyList>> = {
  topic: 'topics',
  agency: 'agencies',
  help: 'help',
  channel: 'channels',
  duration: 'durations',
};

/** Names of locations or organisations by id (ids that are not uuids are left out). */
export async function namesOf(database: Database, table: 'locations' | 'organisations', ids: string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids)].filter(isUuid);
  if (!valid.length) return new Map();
  const t = table === 'locations' ? locations : organisations;
  const rows = await database.db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, valid));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type Labeller = (key: string) => string;

/** How the keys of a grouping read: a value-list label, a name, a period, or the key itself. */
export async function labellerFor(
  deps: Pick<Deps, 'database' | 'taxonomy'>,
  groupBy: SummaryGroupBy,
  keys: string[],
  lang: Lang,
): Promise<Labeller> {
  const list = TAXONOMY_GROUP_LIST[groupBy];
  if (list) return (key) => deps.taxonomy.label(list, key, lang);
  if (groupBy === 'location' || groupBy === 'organisation') {
    const names = await namesOf(deps.database, groupBy === 'location' ? 'locations' : 'organisations', keys);
    return (key) => names.get(key) ?? key;
  }
  if (isPeriodGroup(groupBy)) return (key) => periodLabel(groupBy, key, lang);
  return (key) => key;
}

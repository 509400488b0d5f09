/**
 * Retired value-list codes onto current ones: every version's mappings closed over chains, so that a
 * series over several versions adds up. Both query layers and the aggregates map with it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { TaxonomyService } from '../taxonomy.js';

/**
 * Closure of the value-list mappings (retired code → current code, following chains), so that a
 * query can map every code in one step.
 */
export function mappingClosure(mappings: Record<string, string>[], currentCode: (code: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const map of mappings)
    for (const code of Object.keys(map)) {
      const current = currentCode(code);
      if (current !== code) out.set(code, current);
    }
  return out;
}

const closures = new WeakMap<TaxonomyService, Map<string, string>>();

/** Retired code → current code, for every version's mappings (cached per taxonomy service). */
export function codeMapOf(taxonomy: Pick<TaxonomyService, 'versions' | 'currentCode'>): Map<string, string> {
  const key = taxonomy as TaxonomyService;
  let map = closures.get(key);
  if (!map) {
    map = mappingClosure(
      taxonomy.versions().map((v) => v.mappings ?? {}),
      taxonomy.currentCode,
    );
    closures.set(key, map);
  }
  return map;
}

/** The same mapping in SQL: `case <expr> when 'retired' then 'current' … else <expr> end`. */
export function sqlCodeMapper(codeMap: ReadonlyMap<string, string>): (expr: SQL) => SQL {
  return (expr) => {
    if (!codeMap.size) return expr;
    const whens = [...codeMap].map(([from, to]) => sql`when ${from} then ${to}`);
    return sql`(case ${expr} ${sql.join(whens, sql` `)} else ${expr} end)`;
  };
}

/** Finding topics as the desk worker types, and picking the quick-entry chips. Pure, no I/O. */

/** The part of a taxonomy topic that search needs. */
export interface SearchableTopic {
  code: string;
  label: string;
  parent: string | null;
  keywords?: string[];
}

/**
 * The commonest IDO questions nationally, used until a desk has its own history: for the
 * first chips, and to break ties in search ("huur" finds Huurtoeslag before Huur, because
 * far more visitors ask about huurtoeslag). A desk's own counts soon outweigh it.
 */
export const NATIONAL_FAVOURITES: readonly string[] = [
  'huurtoeslag',
  'digid-aanvragen',
  'zorgtoeslag',
  'belastingaangifte',
  'digid-activeren',
  'aow-pensioen',
  'werk-uitkering',
  'zorg-wmo',
];

/** Lower case, accents removed, single spaces: "Zorg en Wmo " → "zorg en wmo". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (text: string) => text.split(/[\s/()-]+/).filter(Boolean);

const collator = new Intl.Collator('nl');

/**
 * The last tie-break of every topic ranking (chips and search): by label in Dutch collation, then
 * by code, so that equal weights give the same order on every desk, in every browser, whatever
 * order the counts or the value list came in.
 */
export function byLabel(a: SearchableTopic, b: SearchableTopic): number {
  return collator.compare(a.label, b.label) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** How well one query word fits a topic: 3 = label or keyword starts with it, 2 = a word in them does, 1 = somewhere inside, 0 = no match. */
function wordScore(word: string, label: string, keywords: string[]): number {
  if (label.startsWith(word) || keywords.some((k) => k.startsWith(word))) return 3;
  if (words(label).some((w) => w.startsWith(word)) || keywords.some((k) => words(k).some((w) => w.startsWith(word)))) return 2;
  if (label.includes(word) || keywords.some((k) => k.includes(word))) return 1;
  return 0;
}

/**
 * Topics that match what was typed, best first. Every word typed must match the label or a
 * keyword; a topic scores by its weakest word, and ties go to the topic this desk uses most
 * (`usage`), then by label (`byLabel`).
 *
 * @param usage - a ranking weight per topic code; higher comes first
 * @example searchTopics(topics, 'huur', usage)[0].code // 'huurtoeslag'
 */
export function searchTopics<T extends SearchableTopic>(
  topics: readonly T[],
  query: string,
  usage: ReadonlyMap<string, number>,
  limit = 8,
): T[] {
  const queryWords = words(normalise(query));
  if (queryWords.length === 0) return [];
  const scored: { topic: T; score: number; weight: number }[] = [];
  topics.forEach((topic) => {
    const label = normalise(topic.label);
    const keywords = (topic.keywords ?? []).map(normalise);
    let score = Infinity;
    for (const word of queryWords) score = Math.min(score, wordScore(word, label, keywords));
    if (score > 0) scored.push({ topic, score, weight: usage.get(topic.code) ?? 0 });
  });
  scored.sort((a, b) => b.score - a.score || b.weight - a.weight || byLabel(a.topic, b.topic));
  return scored.slice(0, limit).map((s) => s.topic);
}

/**
 * One ranking weight per topic from the desk's counts on the server, this browser's own
 * recent choices, and the national favourites (worth less than one real visit). The chips pass
 * no recent choices: their order must not change with a visit, nor differ between two browsers
 * of one desk (see scope.ts); the search counts them, as a tie-break among equal matches.
 *
 * @param serverCounts - questions per topic at this desk, from the summary report
 * @param recentChoices - topic codes this browser registered, newest last
 */
export function usageWeights(serverCounts: ReadonlyMap<string, number>, recentChoices: readonly string[] = []): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (code: string, amount: number) => weights.set(code, (weights.get(code) ?? 0) + amount);
  for (const [code, count] of serverCounts) add(code, count);
  // This browser's choices count double: they are this worker's own habits, and may not have reached the server yet.
  for (const code of recentChoices) add(code, 2);
  NATIONAL_FAVOURITES.forEach((code, i) => {
    add(code, (NATIONAL_FAVOURITES.length - i) / 100);
  });
  return weights;
}

/** The `count` topics with the highest weight, in that order (ties `byLabel`); only codes that exist in `topics`. */
export function topTopics<T extends SearchableTopic>(topics: readonly T[], weights: ReadonlyMap<string, number>, count = 8): T[] {
  return topics
    .map((topic) => ({ topic, weight: weights.get(topic.code) ?? 0 }))
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || byLabel(a.topic, b.topic))
    .slice(0, count)
    .map((t) => t.topic);
}

/** Small i18n helpers shared by the elements: picking a language, times and dates in Europe/Amsterdam. */
import type { Lang } from '../../sdk/schemas/common.js';
import { lazy } from './lazy.js';

/** The first of the candidates that is a language we speak; Dutch otherwise. */
export function resolveLang(...candidates: (string | null | undefined)[]): Lang {
  for (const candidate of candidates) {
    const base = candidate?.trim().toLowerCase().slice(0, 2);
    if (base === 'nl' || base === 'en') return base;
  }
  return 'nl';
}

const TIME_ZONE = 'Europe/Amsterdam';
const timeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** `10:42`: the wall-clock time in the Netherlands, whatever the computer's zone. */
export function formatTime(instant: string | Date, lang: Lang): string {
  let format = timeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
    timeFormats.set(lang, format);
  }
  return format.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** "a, b en c" / "a, b and c". */
export function formatList(items: string[], lang: Lang): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}

/**
 * A label as it reads inside a sentence: "Huurtoeslag" → "huurtoeslag", "Zorg en Wmo" →
 * "zorg en Wmo"; names with more capitals stay as they are ("DigiD aanvragen", "AOW en pensioen").
 */
export function lowerFirst(label: string): string {
  const first = /^\S+/.exec(label)?.[0] ?? '';
  return /^\p{Lu}\P{Lu}*$/u.test(first) ? label.charAt(0).toLocaleLowerCase() + label.slice(1) : label;
}

/** An element's (or a lazy part's) texts in both languages. */
export interface Catalogue<T> {
  /** The texts in `lang`; Dutch while the English ones are not there (yet). */
  get(lang: Lang): T;
  /** A promise while the texts of `lang` are still to be loaded; undefined when there is nothing to wait for. */
  ready(lang: Lang): Promise<unknown> | undefined;
}

/**
 * The texts of an element with Dutch built in and English loaded on demand (`import()`), so
 * that a Dutch page, the default, does not fetch the English texts. `ready(lang)` answers a
 * promise while English is still to be loaded (an element waits for it before it renders, see
 * `scheduleUpdate` in the elements) and `undefined` once there is nothing to wait for. When the
 * English texts cannot be loaded (offline), the element speaks Dutch and asks again next time.
 */
export function lazyCatalogue<T>(nl: T, loadEnglish: () => Promise<T>): Catalogue<T> {
  const en = lazy(loadEnglish);
  return {
    get: (lang) => (lang === 'en' && en.value) || nl,
    ready: (lang) => (lang === 'en' && !en.value ? en().catch(() => undefined) : undefined),
  };
}

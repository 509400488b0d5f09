/**
 * The characters the API refuses in any text, wherever it arrives (a JSON body, a query string, a
 * form field): what PostgreSQL cannot store, and what nobody types.
 *
 * - U+0000: PostgreSQL refuses it in `text` and `jsonb` (before, a 500 "Failed query").
 * - An unpaired UTF-16 surrogate (`"\ud800"` in JSON): not a character at all; the database driver
 *   silently stored it as U+FFFD, so what came back differed from what was sent.
 * - The other C0 control characters (U+0001–U+001F) and DEL (U+007F), except tab (U+0009), line
 *   feed (U+000A) and carriage return (U+000D): no keyboard at a desk makes them; they come from
 *   copying out of other programs or from attacks, and would reach exports and other systems.
 *
 * Tab and line breaks are allowed in every text, not only in notes: a refused line break in a name
 * would be a rule about layout, not about what can be stored, and the elements' single-line inputs
 * cannot produce one anyway.
 */
import type { FieldIssue } from './problem.js';

/** A character refused in any text (see above). The `u` flag makes `\p{Cs}` match only unpaired surrogates. */
const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;

/** No more issues than this for one request: a body of a million NULs needs one answer, not a million. */
const MAX_ISSUES = 20;

/** Whether a text holds a refused character. */
export function hasRefusedCharacter(text: string): boolean {
  return REFUSED.test(text);
}

/**
 * Every string (and object key) in a parsed JSON value that holds a refused character, as
 * `invalid-character` issues with the dotted path of the field. Iterative, so that deep nesting
 * cannot overflow the stack.
 * @param value - the result of `JSON.parse`
 * @param prefix - the path of `value` itself (e.g. `['mapping']`)
 */
export function characterIssues(value: unknown, prefix: PropertyKey[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Paths are linked to their parent and spelled out only for an issue: copying them at every
  // level would make a deeply nested body quadratic.
  const stack: Step[] = [{ value, key: undefined, parent: undefined }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const step = stack.pop()!;
    const v = step.value;
    if (step.refusedKey || (typeof v === 'string' && REFUSED.test(v))) {
      issues.push({ path: dotted([...prefix, ...pathOf(step)]), code: 'invalid-character' });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: step });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const refusedKey = REFUSED.test(key);
        stack.push({ value: child, key: refusedKey ? visible(key) : key, parent: step, refusedKey });
      }
    }
  }
  return issues;
}

/** One value on the way through the tree: its key in its parent, and the parent. */
interface Step {
  value: unknown;
  key: PropertyKey | undefined;
  parent: Step | undefined;
  /** The key itself holds a refused character (the value is not looked at). */
  refusedKey?: boolean;
}

function pathOf(step: Step): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let s: Step | undefined = step; s?.key !== undefined; s = s.parent) path.push(s.key);
  return path.reverse();
}

/** The text with each refused character written as `\u0000`, so that a path or message can show it. */
export function visible(text: string): string {
  return text.replace(new RegExp(REFUSED.source, 'gu'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const dotted = (path: PropertyKey[]) => path.map(String).join('.');

/**
 * The server's log lines, and what of an error may go into one.
 *
 * A failed drizzle query carries its parameters in its message ("Failed query: … params: …") and
 * so in its stack; those parameters can be a password hash, a key hash or a session token. No log
 * line may hold them, so an error is written as its query text, the database's cause (SQLSTATE,
 * constraint, table, column) and a stack without the message, and any text that still looks like
 * drizzle's message has its parameters cut off.
 */
import type { Logger } from './types.js';

/** What a log line says about an error: enough to find the cause, never a parameter value. */
export interface LoggedError {
  name: string;
  message: string;
  /** The database's cause of a failed query. */
  cause?: { code?: string; message?: string; constraint?: string; table?: string; column?: string };
  stack?: string;
}

const PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/;

/** Cuts the parameters out of a text that holds drizzle's "Failed query … params: …". */
export function withoutParams(text: string): string {
  return text.replace(PARAMS, '\nparams: [not logged]');
}

/**
 * The database's own message without the value it quotes at the end
 * (`invalid input syntax for type uuid: "…"`): the value came from a parameter.
 */
function causeMessage(message: string): string {
  return message.replace(/: ".*"$/s, '');
}

/** The loggable parts of any thrown value. */
export function describeError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { name: 'Error', message: withoutParams(String(error)) };
  const query = (error as { query?: unknown }).query;
  const isQueryError = typeof query === 'string' && 'params' in error;
  const message = isQueryError ? `Failed query: ${query}` : withoutParams(error.message);
  // The stack starts with "Name: message"; write only its frames, the message is above.
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
  const described: LoggedError = { name: error.name, message, ...(frames ? { stack: frames } : {}) };
  const cause = error.cause as Record<string, unknown> | undefined;
  if (cause && typeof cause === 'object') {
    const pick = (key: string) => (typeof cause[key] === 'string' ? (cause[key] as string) : undefined);
    // postgres.js names it `constraint_name`, PGlite `constraint`.
    described.cause = Object.fromEntries(
      Object.entries({
        code: pick('code'),
        message: typeof cause.message === 'string' ? causeMessage(cause.message) : undefined,
        constraint: pick('constraint_name') ?? pick('constraint'),
        table: pick('table_name') ?? pick('table'),
        column: pick('column_name') ?? pick('column'),
      }).filter(([, v]) => v !== undefined),
    );
  }
  return described;
}

/** A field's value as it may be logged: errors described, texts without query parameters. */
function loggable(value: unknown): unknown {
  if (value instanceof Error) return describeError(value);
  if (typeof value === 'string') return withoutParams(value);
  return value;
}

/**
 * One JSON object a line on stdout (or `write`). Pass a caught error as a field (`{ error }`), not
 * `String(error)`: then its database cause is logged too.
 */
export function jsonLogger(
  enabled = true,
  write: (line: string) => void = (line) => {
    process.stdout.write(line);
  },
): Logger {
  const line = (level: string, fields: Record<string, unknown>) => {
    if (!enabled) return;
    const safe = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, loggable(v)]));
    write(JSON.stringify({ time: new Date().toISOString(), level, ...safe }) + '\n');
  };
  return { info: (f) => line('info', f), error: (f) => line('error', f) };
}

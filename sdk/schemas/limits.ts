/**
 * Limits of the contract as plain numbers, without zod: code that only needs a limit (the
 * widget's note counter, the outbox's batch size) imports it from here and so does not pull
 * the schemas, and zod with them, into its bundle. `registration.ts` re-exports them.
 */

/** Longest note of a registration, in characters. */
export const NOTE_MAX = 500;

/** Most registrations in one batch. */
export const BATCH_MAX = 500;

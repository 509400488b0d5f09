/** Small counts are never published: public statistics and `suppress=true` exports. Pure. */

/** Counts below this are never published (public stats, `suppress=true` exports). */
export const SUPPRESSION_THRESHOLD = 5;

/** A count as published: null (suppressed) when below the threshold. */
export const suppressCount = (n: number, threshold = SUPPRESSION_THRESHOLD): number | null => (n < threshold ? null : n);

/** A count for a table: the number, or `< 5` when suppression is asked for. */
export const tableCount = (n: number, suppress: boolean): number | string =>
  suppress && n < SUPPRESSION_THRESHOLD ? `< ${SUPPRESSION_THRESHOLD}` : n;

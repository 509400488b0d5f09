/** Which heatmap cell is in the tab order. Pure, no I/O. */

/** A cell's key: weekday (1 = Monday) and hour, as the API's `weekday-hour` groups name them: "1-09". */
export const heatKey = (day: number, hour: number): string => `${day}-${String(hour).padStart(2, '0')}`;

/**
 * The one cell that Tab reaches: the cell that had focus last, as long as the grid still shows it
 * (a cell without visits too: the arrow keys go there, and Tab must come back to it); otherwise the
 * busiest cell, or the first cell when nothing was counted.
 *
 * @param grid - the days and hours the heatmap shows, and its cells with visits, busiest first
 * @param last - the key of the cell that had focus last, if any
 */
export function heatTabStop(
  grid: { days: readonly number[]; hours: readonly number[]; busiest: readonly { day: number; hour: number }[] },
  last: string | null,
): string {
  const shown = (key: string) => grid.days.some((d) => grid.hours.some((h) => heatKey(d, h) === key));
  if (last && shown(last)) return last;
  const top = grid.busiest[0];
  return top ? heatKey(top.day, top.hour) : heatKey(grid.days[0], grid.hours[0]);
}

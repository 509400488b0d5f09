/**
 * PC4 centroids (`pc4,lat,lon`) for postcode search without PDOK: the file that ships in
 * `server/data/pc4/` (GeoNames, CC BY 4.0), imported at start when the table is empty, or a file
 * of one's own (`IDO_PC4_FILE`, `ido-server import-postcodes`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

export interface Pc4Row {
  pc4: string;
  lat: number;
  lon: number;
}

/** The centroids that ship with the server; source and credit in `server/data/pc4/README.md`. */
export const bundledPc4File = fileURLToPath(new URL('../data/pc4/pc4-centroids.csv', import.meta.url));

/** Parses the CSV; throws with the line number on a malformed line. A header line is optional. */
export function parsePc4Csv(text: string): Pc4Row[] {
  const rows: Pc4Row[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || (i === 0 && /^pc4\s*[,;]/i.test(trimmed))) return;
    const [pc4, lat, lon] = trimmed.split(/[,;]/).map((s) => s.trim());
    const row = { pc4, lat: Number(lat), lon: Number(lon) };
    if (
      !/^[1-9]\d{3}$/.test(pc4) ||
      !Number.isFinite(row.lat) ||
      !Number.isFinite(row.lon) ||
      Math.abs(row.lat) > 90 ||
      Math.abs(row.lon) > 180
    ) {
      throw new Error(`Line ${i + 1}: expected "pc4,lat,lon", got "${trimmed.slice(0, 60)}"`);
    }
    rows.push(row);
  });
  return rows;
}

/**
 * Writes the rows in one set-based statement (the rows travel as one JSON parameter); a postcode
 * that appears twice counts once, the last line winning. `replace` (the default) overwrites
 * postcodes already there; otherwise they are kept, which makes a concurrent import harmless.
 * Returns how many postcodes were in the rows.
 */
export async function importPostcodes(
  database: Database,
  rows: Pc4Row[],
  source: string,
  options: { replace?: boolean } = {},
): Promise<number> {
  const unique = [...new Map(rows.map((r) => [r.pc4, r])).values()];
  if (!unique.length) return 0;
  const onConflict =
    options.replace === false ? sql`do nothing` : sql`do update set lat = excluded.lat, lon = excluded.lon, source = excluded.source`;
  await database.rows(sql`
    insert into postcodes (pc4, lat, lon, source)
    select r.pc4, r.lat, r.lon, ${source}
    from jsonb_to_recordset(${JSON.stringify(unique)}::jsonb) as r(pc4 text, lat double precision, lon double precision)
    on conflict (pc4) ${onConflict}`);
  return unique.length;
}

export async function importPostcodesFile(database: Database, file: string, options: { replace?: boolean } = {}): Promise<number> {
  const rows = parsePc4Csv(await readFile(file, 'utf8'));
  return importPostcodes(database, rows, file.split('/').pop() ?? file, options);
}

/**
 * The postcode step of a server start: `IDO_PC4_FILE` when set (every start, so that a changed
 * file takes effect), otherwise the bundled centroids when the table is still empty. Answers what
 * it imported, or null when there was nothing to do.
 */
export async function loadPostcodesAtStart(database: Database, pc4File?: string): Promise<{ file: string; count: number } | null> {
  if (pc4File) return { file: pc4File, count: await importPostcodesFile(database, pc4File) };
  const [{ present }] = await database.rows<{ present: boolean }>(sql`select exists (select 1 from postcodes) as present`);
  if (present) return null;
  return { file: bundledPc4File, count: await importPostcodesFile(database, bundledPc4File, { replace: false }) };
}

/** Imports PC4 centroids (`pc4,lat,lon`, as ../shared/data/pc4-centroids.csv) for offline postcode search. */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { postcodes } from '../db/schema.js';

export interface Pc4Row { pc4: string; lat: number; lon: number }

/** Parses the CSV; throws with the line number on a malformed line. A header line is optional. */
export function parsePc4Csv(text: string): Pc4Row[] {
  const rows: Pc4Row[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || (i === 0 && /^pc4\s*[,;]/i.test(trimmed))) return;
    const [pc4, lat, lon] = trimmed.split(/[,;]/).map((s) => s.trim());
    const row = { pc4, lat: Number(lat), lon: Number(lon) };
    if (!/^[1-9]\d{3}$/.test(pc4) || !Number.isFinite(row.lat) || !Number.isFinite(row.lon) || Math.abs(row.lat) > 90 || Math.abs(row.lon) > 180) {
      throw new Error(`Line ${i + 1}: expected "pc4,lat,lon", got "${trimmed.slice(0, 60)}"`);
    }
    rows.push(row);
  });
  return rows;
}

/** Upserts every row; returns how many were read. Running it twice changes nothing. */
export async function importPostcodes(database: Database, rows: Pc4Row[], source: string): Promise<number> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, source }));
    await database.db.insert(postcodes).values(chunk).onConflictDoUpdate({
      target: postcodes.pc4,
      set: { lat: sql`excluded.lat`, lon: sql`excluded.lon`, source: sql`excluded.source` },
    });
  }
  return rows.length;
}

export async function importPostcodesFile(database: Database, file: string): Promise<number> {
  const rows = parsePc4Csv(await readFile(file, 'utf8'));
  return importPostcodes(database, rows, file.split('/').pop() ?? file);
}

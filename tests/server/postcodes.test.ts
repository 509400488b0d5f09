/**
 * The PC4 centroids that ship with the server: imported once at start when the table is empty (so
 * postcode search works on a fresh install without PDOK), never over a file of one's own, safe when
 * servers start together; shipped in the package with their source and credit; and nothing in the
 * repository reads data from outside it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { bundledPc4File, loadPostcodesAtStart, parsePc4Csv } from '../../server/services/postcodes.js';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundled = parsePc4Csv(readFileSync(bundledPc4File, 'utf8'));

async function stored(ctx: TestContext) {
  const rows = await ctx.rows<{ pc4: string; lat: number; lon: number; source: string }>(
    sql`select pc4, lat, lon, source from postcodes order by pc4`,
  );
  return { count: rows.length, byPc4: new Map(rows.map((r) => [r.pc4, r])) };
}

describe('the bundled PC4 centroids', () => {
  it('cover the Netherlands: every postcode once, every point inside the country', () => {
    assert.ok(bundled.length > 4000, `${bundled.length} postcodes`);
    assert.equal(new Set(bundled.map((r) => r.pc4)).size, bundled.length);
    for (const r of bundled) assert.ok(r.lat > 50.7 && r.lat < 53.6 && r.lon > 3.3 && r.lon < 7.3, `${r.pc4} at ${r.lat},${r.lon}`);
  });

  it('ship in the npm package beside a README with their source and the CC BY 4.0 credit', () => {
    const readme = readFileSync(join(bundledPc4File, '..', 'README.md'), 'utf8');
    assert.match(readme, /GeoNames postal code dump for the Netherlands/);
    assert.ok(readme.includes('"Postcodegegevens © GeoNames (geonames.org), CC BY 4.0"'));
    assert.ok(readme.includes('"Postcode data © GeoNames (geonames.org), CC BY 4.0"'));
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    const files = new Set((pack.files as { path: string }[]).map((f) => f.path));
    for (const file of [bundledPc4File, join(bundledPc4File, '..', 'README.md')])
      assert.ok(files.has(relative(root, file)), `${relative(root, file)} is packed`);
  });

  it('nothing in the repository reads files from beside it (../shared)', () => {
    // Written in pieces, so that this file does not find itself.
    const outside = [['shared', 'data'].join('/'), ['', 'work', 'shared'].join('/')];
    const skipped = new Set(['node_modules', 'dist', '.git', '.tmp', 'data']);
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (!skipped.has(name) || dir !== root.replace(/\/$/, '')) walk(path);
        } else if (/\.(ts|mts|mjs|js|json|md|sh|html)$/.test(name)) {
          const text = readFileSync(path, 'utf8');
          if (outside.some((o) => text.includes(o))) found.push(relative(root, path));
        }
      }
    };
    walk(root.replace(/\/$/, ''));
    assert.deepEqual(found, []);
  });
});

for (const backend of backends) {
  describe(`postcodes at start on ${backend}`, () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'ido-pc4-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('imports the bundled centroids into an empty table, and once only', async () => {
      const ctx = await createTestContext(backend);
      try {
        assert.equal((await stored(ctx)).count, 0);
        assert.deepEqual(await loadPostcodesAtStart(ctx.database), { file: bundledPc4File, count: bundled.length });
        const { count, byPc4 } = await stored(ctx);
        assert.equal(count, bundled.length);
        const first = bundled[0];
        assert.deepEqual(byPc4.get(first.pc4), { ...first, source: 'pc4-centroids.csv' });
        assert.equal(await loadPostcodesAtStart(ctx.database), null, 'the second start finds them there');
        assert.equal((await stored(ctx)).count, bundled.length);
      } finally {
        await ctx.close();
      }
    });

    it('imports IDO_PC4_FILE at every start instead, and a later start without it keeps that file', async () => {
      const ctx = await createTestContext(backend);
      try {
        const own = join(dir, `own-${backend}.csv`);
        writeFileSync(own, 'pc4,lat,lon\n3511,52.1,5.1\n3512,52.2,5.2\n3512,52.0912,5.1215\n');
        assert.deepEqual(await loadPostcodesAtStart(ctx.database, own), { file: own, count: 2 });
        const { count, byPc4 } = await stored(ctx);
        assert.equal(count, 2);
        assert.deepEqual(
          byPc4.get('3512'),
          { pc4: '3512', lat: 52.0912, lon: 5.1215, source: `own-${backend}.csv` },
          'the last line of a postcode wins',
        );
        writeFileSync(own, 'pc4,lat,lon\n3511,52.0901,5.1102\n');
        await loadPostcodesAtStart(ctx.database, own);
        assert.equal((await stored(ctx)).byPc4.get('3511')?.lat, 52.0901, 'a changed file takes effect at the next start');
        assert.equal(await loadPostcodesAtStart(ctx.database), null, 'the bundled file never overwrites one of your own');
        assert.equal((await stored(ctx)).count, 2);
      } finally {
        await ctx.close();
      }
    });

    it('two servers starting at once on one empty database both start, with one copy', async () => {
      const ctx = await createTestContext(backend);
      try {
        const results = await Promise.all([loadPostcodesAtStart(ctx.database), loadPostcodesAtStart(ctx.database)]);
        assert.ok(results.some((r) => r?.count === bundled.length));
        assert.equal((await stored(ctx)).count, bundled.length);
      } finally {
        await ctx.close();
      }
    });
  });
}

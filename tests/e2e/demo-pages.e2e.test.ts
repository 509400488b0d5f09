/**
 * Every demo page (demo/*.html, whatever pages are added later) and the desk page /balie, opened in
 * a real Chromium at desk and phone width against a real `ido-server start`: axe finds nothing and
 * the console shows no error. The PDOK map tiles, which this machine cannot reach, come from a
 * stand-in; postcodes from a small PC4 file, so the map page can search as it does in production.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { DEMO_DESK_KEY, e2eSuite, shot } from '../helpers/e2e.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const demoDir = new URL('../../demo/', import.meta.url);

/** The pages: the index at /, every other demo page by its name, and the desk page without and with a key. */
const PAGES = [
  ...readdirSync(demoDir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => (f === 'index.html' ? '/' : `/${f}`)),
  '/balie',
  `/balie?key=${DEMO_DESK_KEY}`,
];
const WIDTHS = [1280, 320];

/** PC4 centroids of central Utrecht (pc4,lat,lon), where the demo's locations are. */
const PC4 = ['pc4,lat,lon', '3511,52.0935,5.1128', '3512,52.0881,5.1233', '3513,52.0987,5.1221', '3521,52.0805,5.1076'].join('\n');
/** A 1 × 1 grey PNG: what the stand-in answers for every map tile. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8c+fOfwAIYQOw0Ud0lwAAAABJRU5ErkJggg==', 'base64');

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Waits until the page's IDO elements have rendered and nothing is loading any more. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    const elements = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('ido-'));
    await Promise.all(
      elements.map(async (el) => {
        await customElements.whenDefined(el.localName);
        await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      }),
    );
  });
  await page.waitForLoadState('networkidle');
}

describe('the demo pages and /balie: axe finds nothing, the console has no error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ido-demo-pages-'));
  writeFileSync(join(dir, 'pc4.csv'), PC4);
  const suite = e2eSuite({ IDO_PC4_FILE: join(dir, 'pc4.csv') });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the demo pages from demo/*.html', () => {
    assert.ok(PAGES.includes('/') && PAGES.includes('/registratie.html') && PAGES.includes('/locator.html'), JSON.stringify(PAGES));
  });

  for (const path of PAGES) {
    for (const width of WIDTHS) {
      it(`${path} at ${width} px`, { timeout: 180_000 }, async () => {
        const context = await suite
          .browser()
          .newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width, height: 900 } });
        try {
          await context.route('https://service.pdok.nl/**', (route) =>
            route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
          );
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('console', (message) => {
            if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
          });
          page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));

          const response = await page.goto(suite.server().base + path);
          assert.equal(response?.status(), 200);
          await settled(page);
          await page.evaluate(axeSource);
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }
            ).axe;
            return (await axe.run(document, { resultTypes: ['violations'] })).violations;
          });
          if (violations.length || errors.length) await shot(page, `demo-pages-${path.replace(/[^a-z0-9]+/gi, '_')}-${width}`);
          assert.deepEqual(
            violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
            [],
            `axe on ${path} at ${width} px`,
          );
          assert.deepEqual(errors, [], `console errors on ${path} at ${width} px`);
        } finally {
          await context.close();
        }
      });
    }
  }
});

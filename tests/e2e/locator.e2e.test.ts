/**
 * End to end: a real browser on the demo page `/locator.html` of a real `ido-server start` (demo
 * mode, PGlite, the bundled PC4 centroids, PDOK off), searching a postcode with `<ido-locator>`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, shot, startE2eServer, waitForText, type E2eServer } from '../helpers/e2e.js';

describe('<ido-locator> on /locator.html, in a real browser against a real server', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    if (server) {
      const { code } = await server.stop();
      assert.equal(code, 0, `ido-server exit code; output:\n${JSON.stringify(server.output())}`);
    }
  });

  it('finds the nearest IDOs for 3512 AE: Bibliotheek Neude first, open state in words, no third-party request', {
    timeout: 180_000,
  }, async () => {
    context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      requests.push(request.url());
    });
    page.on('pageerror', (error) => {
      console.error('page error:', error);
    });

    await page.goto(`${server.base}/locator.html`);
    const locator = page.locator('ido-locator').first();
    const input = locator.getByLabel('Uw postcode');
    await input.click();
    await input.pressSequentially('3512 AE');
    const answer = page.waitForResponse(
      (r) => r.url().startsWith(`${server.base}/api/v1/public/locations?`) && r.request().method() === 'GET',
    );
    await input.press('Enter');
    const response = await answer;
    assert.equal(response.status(), 200);
    const body = (await response.json()) as { items: { name: string; distanceKm: number }[] };

    await waitForText(locator.locator('#status'), /informatiepunt(en)? gevonden bij 3512 AE/);
    const cards = locator.locator('[part="card"]');
    await cards.first().waitFor({ state: 'visible' });
    await shot(page, 'locator-results');

    // Nearest first: the cards in the order of the answer, whose distances only go up.
    const names = await cards.locator('h3 > span:not(.number)').allTextContents();
    assert.ok(names.length >= 2, `several results: ${JSON.stringify(names)}`);
    assert.equal(names[0], 'Bibliotheek Neude');
    assert.deepEqual(
      names,
      body.items.map((l) => l.name),
    );
    const distances = body.items.map((l) => l.distanceKm);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
      `nearest first: ${distances}`,
    );
    // And as shown: "350 m hiervandaan", "1,2 km hiervandaan".
    const shown = (
      await cards
        .locator('p.muted')
        .filter({ hasText: /hiervandaan/ })
        .allTextContents()
    ).map((text) => {
      const m = /([\d.,]+)\s*(km|m)\b/.exec(text);
      assert.ok(m, `a distance in "${text}"`);
      const value = Number(m[1].replace(/\./g, '').replace(',', '.'));
      return m[2] === 'km' ? value : value / 1000;
    });
    assert.equal(shown.length, names.length);
    assert.deepEqual(
      shown,
      [...shown].sort((a, b) => a - b),
      `shown nearest first: ${shown}`,
    );

    // Whether it is open now, in words, on every card.
    const states = await cards.locator('p.state').allTextContents();
    assert.equal(states.length, names.length);
    for (const state of states) assert.match(state.trim(), /^(Nu open( tot .+)?|Gesloten(\. Weer open .+)?)$/);

    // Nothing left the server's own origin: once the page has settled (no request for 500 ms), every request it made.
    await page.waitForLoadState('networkidle');
    const foreign = requests.filter((url) => new URL(url).origin !== server.base);
    assert.deepEqual(foreign, [], `requests to other origins: ${foreign.join('\n')}`);
    assert.ok(requests.some((url) => url.startsWith(`${server.base}/widget/ido.js`)));
  });
  it('draws the map page with markers that never cover each other and targets of at least 24 px', { timeout: 180_000 }, async () => {
    for (const width of [1280, 320]) {
      const ctx = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width, height: 900 } });
      try {
        const page = await ctx.newPage();
        await page.goto(`${server.base}/locator-kaart.html`);
        const locator = page.locator('ido-locator').first();
        const markers = locator.locator('.map-marker');
        await markers.first().waitFor({ state: 'visible', timeout: 60_000 });
        const count = await markers.count();
        assert.ok(count >= 2, `several markers: ${count}`);
        await shot(page, `locator-map-${width}`);
        const boxes = await markers.evaluateAll((nodes) =>
          nodes.map((n) => {
            const r = n.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height, name: n.getAttribute('aria-label') };
          }),
        );
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
            assert.ok(!overlap, `at ${width} px, marker "${a.name}" covers "${b.name}": ${JSON.stringify([a, b])}`);
          }
        }
        // Everything on the map a finger can tap: the markers, the zoom buttons, the credits' links.
        const targets = await locator
          .locator('.map a, .map [role="button"], .map-marker')
          .evaluateAll((nodes) =>
            nodes.map((n) => ({ text: n.textContent?.trim() || n.getAttribute('aria-label'), ...n.getBoundingClientRect().toJSON() })),
          );
        assert.ok(targets.length > count, 'zoom buttons and credit links besides the markers');
        for (const t of targets) assert.ok(t.width >= 24 && t.height >= 24, `at ${width} px, "${t.text}" is ${t.width}×${t.height}`);
      } finally {
        await ctx.close();
      }
    }
  });
});

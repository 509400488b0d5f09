/**
 * End to end: the desk page `/balie` of a real `ido-server start` (demo mode, PGlite) in a real
 * Chromium: the key from a link is kept and leaves the address bar, the service worker keeps the
 * shell so that a reload without any connection opens the desk, visits made offline are sent once,
 * and a new build's worker takes over its own cache and deletes the old one.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { precacheManifest, type PrecacheManifest } from '../../scripts/precache.mjs';
import {
  CHROME_OPTIONS,
  DEMO_DESK_KEY,
  coordinatorApi,
  daysAroundToday,
  e2eSuite,
  listRegistrations,
  locationId,
  shot,
  waitForEmpty,
  waitForText,
  type Api,
  type E2eServer,
} from '../helpers/e2e.js';
import { listen, type Listening } from '../helpers/serve.js';

const dist = new URL('../../dist/', import.meta.url);
const built = JSON.parse(readFileSync(new URL('balie/precache.json', dist), 'utf8')) as PrecacheManifest;
const CACHE = (version: string) => `ido-balie-${version}`;

/** The built file the server sends at `url`. */
function builtFile(url: string): Buffer {
  if (url === '/balie') return readFileSync(new URL('balie/index.html', dist));
  return readFileSync(new URL(url.slice(1), dist));
}

/**
 * In the page: the version of the shell that serves it, asked from its service worker (null: none).
 * The active worker where none controls the page yet: on a first visit the worker may become active
 * just after the page was made, and then serves it from the next load on.
 */
const shellVersion = (page: Page) =>
  page.evaluate(async () => {
    const worker = navigator.serviceWorker.controller ?? (await navigator.serviceWorker.ready).active;
    return new Promise<string | null>((resolve) => {
      if (!worker) return resolve(null);
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data as string);
      worker.postMessage('version', [channel.port2]);
    });
  });

/** In the page: whether a service worker controls it. */
const isControlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

/** In the page: every cache of the origin, with the paths each holds. */
const cacheContents = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys())
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search).sort();
    return out;
  });

describe('/balie, the desk page of its own, in a real browser against a real server', () => {
  const suite = e2eSuite();
  let server: E2eServer;
  let api: Api;
  let neude: string;
  let context: BrowserContext | undefined;

  before(async () => {
    server = suite.server();
    api = await coordinatorApi(server.base);
    neude = await locationId(api, 'Neude');
  });

  after(async () => {
    await context?.close().catch(() => {});
  });

  async function newPage(): Promise<Page> {
    await context?.close();
    context = await suite.browser().newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      console.error('page error:', error);
    });
    return page;
  }

  const desk = (page: Page) => page.locator('ido-registratie');
  const chips = (widget: Locator) => widget.locator('[part="chip"]');
  const banner = (widget: Locator) => widget.locator('[part="banner"] [role="status"]');
  const confirmation = (widget: Locator) => widget.locator('[part="confirmation"] [role="status"]');

  async function ready(page: Page) {
    try {
      await chips(desk(page)).first().waitFor({ state: 'visible', timeout: 60_000 });
    } catch (error) {
      await shot(page, 'balie-not-ready');
      throw new Error(
        `the desk did not show its chips; the page says: ${(
          await page
            .locator('body')
            .innerText()
            .catch(() => '?')
        ).slice(0, 500)}\n${(error as Error).message}`,
      );
    }
  }

  /** Chooses the first chip and presses Registreer; resolves with the chip's topic label. */
  async function register(page: Page): Promise<string> {
    const widget = desk(page);
    const first = chips(widget).first();
    const label = (await first.textContent())!.replace('✓', '').trim();
    await first.click();
    await waitForText(widget.locator('#chosen-topic'), new RegExp(`Gekozen:\\s*${label}`));
    await widget.getByRole('button', { name: 'Registreer', exact: true }).click();
    return label;
  }

  /** Collects the ids of `ido-registered` and `ido-queued` events in the page (again after a reload). */
  const collect = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { __events: { type: string; id: string }[] };
      w.__events = [];
      for (const type of ['ido-registered', 'ido-queued'])
        document.addEventListener(type, (e) => w.__events.push({ type, id: (e as CustomEvent<{ id: string }>).detail.id }));
    });
  const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: { type: string; id: string }[] }).__events);

  // The same days before and after: midnight passing during the test changes nothing.
  const days = daysAroundToday();

  it('keeps the key from ?key=, registers online, opens offline after a reload, queues 3 and sends them exactly once', {
    timeout: 360_000,
  }, async () => {
    const beforeIds = new Set((await listRegistrations(api, { locationId: neude, ...days })).map((r) => r.id));
    const page = await newPage();

    // A fresh browser: no key yet, so the page asks for one.
    await page.goto(`${server.base}/balie`);
    await page.getByRole('heading', { name: 'Baliesleutel invullen' }).waitFor();
    await shot(page, 'balie-key-form');

    // The coordinator's link: the key leaves the address bar and is kept in this browser.
    await page.goto(`${server.base}/balie?key=${DEMO_DESK_KEY}`);
    await ready(page);
    assert.equal(page.url(), `${server.base}/balie`, 'the key is no longer in the address');
    assert.equal(await page.evaluate(() => location.search), '');
    assert.equal(await page.evaluate(() => localStorage.getItem('ido:balie-key')), JSON.stringify(DEMO_DESK_KEY));
    assert.equal(await desk(page).getAttribute('desk-key'), DEMO_DESK_KEY, '<ido-registratie desk-key=…> on the page');
    await waitForText(page.getByRole('heading', { level: 1 }), /^Bibliotheek Neude$/);
    assert.equal(await shellVersion(page), built.version, 'the shell is kept once the worker is active');

    // One visit online.
    await collect(page);
    const online = await register(page);
    await waitForText(confirmation(desk(page)), new RegExp(`^Geregistreerd: ${online.toLowerCase()}`, 'i'));
    await shot(page, 'balie-online');
    const [registered] = await events(page);
    assert.equal(registered.type, 'ido-registered');

    // No connection at all, and a reload: the desk opens from the service worker's cache.
    await context!.setOffline(true);
    await page.reload();
    assert.equal(await page.title(), 'IDO-balie', "the desk page, not the browser's error page");
    await ready(page);
    await waitForText(page.getByRole('heading', { level: 1 }), /^Bibliotheek Neude$/);
    assert.equal(await isControlled(page), true);
    assert.equal(await shellVersion(page), built.version);

    await collect(page);
    for (let n = 1; n <= 3; n++) {
      await register(page);
      await waitForText(banner(desk(page)), new RegExp(`Geen verbinding\\. ${n} registratie${n === 1 ? ' wacht' : 's wachten'}`));
    }
    assert.match((await banner(desk(page)).textContent()) ?? '', /^Geen verbinding\. 3 registraties wachten/);
    await shot(page, 'balie-offline-3-waiting');
    const queued = (await events(page)).filter((e) => e.type === 'ido-queued').map((e) => e.id);
    assert.equal(new Set(queued).size, 3, `three visits queued: ${JSON.stringify(await events(page))}`);
    const meanwhile = (await listRegistrations(api, { locationId: neude, ...days })).filter((r) => !beforeIds.has(r.id));
    assert.deepEqual(
      meanwhile.map((r) => r.id),
      [registered.id],
      'only the online visit reached the server',
    );

    // The connection is back: the three go out, once.
    await context!.setOffline(false);
    await waitForEmpty(banner(desk(page)), 90_000);
    await shot(page, 'balie-sent');
    const added = (await listRegistrations(api, { locationId: neude, ...days })).filter((r) => !beforeIds.has(r.id));
    assert.equal(added.length, 4, `exactly four new rows: ${JSON.stringify(added.map((r) => r.id))}`);
    assert.deepEqual(added.map((r) => r.id).sort(), [registered.id, ...queued].sort(), 'the four visits of the desk, none twice');

    // The caches hold the shell's files and nothing else: no API answer, no other desk's data.
    const contents = await cacheContents(page);
    assert.deepEqual(Object.keys(contents), [CACHE(built.version)]);
    assert.deepEqual(contents[CACHE(built.version)], built.files.map((f) => f.url).sort());

    // The key can be seen (masked) and replaced or forgotten on the page.
    await page.getByRole('button', { name: 'Baliesleutel' }).click();
    await waitForText(page.locator('#key-kept'), new RegExp(`ido_dk_…${DEMO_DESK_KEY.slice(-4)}`));
    await waitForText(page.locator('#shell-version'), new RegExp(built.version));
    await page.getByRole('button', { name: 'Vergeet deze sleutel' }).click();
    await page.getByRole('button', { name: 'Ja, vergeet de sleutel' }).click();
    await page.getByRole('heading', { name: 'Baliesleutel invullen' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('ido:balie-key')), 'null');
    assert.equal(await desk(page).count(), 0);
  });

  it('is installable as an app: Chromium finds nothing missing in the manifest, icons or service worker', {
    timeout: 120_000,
  }, async () => {
    // Only a profile on disk can install apps (an incognito-like context never can).
    const profile = mkdtempSync(join(tmpdir(), 'ido-balie-profile-'));
    const persistent = await chromium.launchPersistentContext(profile, CHROME_OPTIONS);
    try {
      const page = persistent.pages()[0] ?? (await persistent.newPage());
      await page.goto(`${server.base}/balie`);
      assert.equal(await shellVersion(page), built.version);
      const cdp = await persistent.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      assert.equal(manifest.url, `${server.base}/balie/manifest.webmanifest`);
      assert.deepEqual(manifest.errors, []);
      assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
    } finally {
      await persistent.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('a new build is a new worker: offered while the desk is open, taken at once when it opens; the old cache is deleted', {
    timeout: 240_000,
  }, async () => {
    // A front for the server whose release can be changed: it sends a changed ido.js and the
    // service worker a build of that content would have, and passes everything else on.
    const release = new Map<string, { body: Buffer; type: string; extra?: Record<string, string> }>();
    const target = new URL(server.base);
    const front: Listening = await listen((req, res) => {
      const own = req.method === 'GET' ? release.get(req.url!.split('?')[0]) : undefined;
      if (own) {
        res.writeHead(200, { 'content-type': own.type, 'cache-control': 'no-cache', ...own.extra });
        res.end(own.body);
        return;
      }
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    /** Makes `n` the release: ido.js with a line of its own, and the worker the build makes of it. */
    const publish = (n: number): string => {
      const ido = Buffer.concat([builtFile('/widget/ido.js'), Buffer.from(`\n// release ${n}\n`)]);
      const next = precacheManifest(built.files.map((f) => ({ url: f.url, content: f.url === '/widget/ido.js' ? ido : builtFile(f.url) })));
      const idoHash = (m: PrecacheManifest) => m.files.find((f) => f.url === '/widget/ido.js')!.sha256;
      const worker = builtFile('/balie/sw.js').toString('utf8').replace(built.version, next.version).replace(idoHash(built), idoHash(next));
      release.set('/widget/ido.js', { body: ido, type: 'text/javascript; charset=utf-8' });
      release.set('/balie/sw.js', {
        body: Buffer.from(worker),
        type: 'text/javascript; charset=utf-8',
        extra: { 'service-worker-allowed': '/balie' },
      });
      return next.version;
    };
    const update = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/balie'))!.update());

    try {
      let page = await newPage();
      await page.goto(`${front.url}/balie`);
      assert.equal(await shellVersion(page), built.version);
      // A cache of someone else on this origin, which the desk's worker must leave alone.
      await page.evaluate(async () => {
        await (await caches.open('iemand-anders')).put('/x', new Response('x'));
      });

      // Release 2 while the desk is open: it installs beside the old shell and is offered, not forced.
      const second = publish(2);
      assert.notEqual(second, built.version, 'another ido.js, another version');
      await page.evaluate(() => {
        (window as unknown as { __same: boolean }).__same = true;
      });
      await update(page);
      await waitForText(page.locator('#update-text'), /^Er is een nieuwe versie van de balie\./);
      await shot(page, 'balie-update-offered');
      assert.equal(
        await page.evaluate(() => (window as unknown as { __same?: boolean }).__same),
        true,
        'the page did not reload by itself',
      );
      assert.equal(await shellVersion(page), built.version, 'the old shell still serves the open page');
      assert.deepEqual(Object.keys(await cacheContents(page)).sort(), [CACHE(built.version), CACHE(second), 'iemand-anders'].sort());

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Werk nu bij' }).click()]);
      assert.equal(await isControlled(page), true);
      assert.equal(await shellVersion(page), second);
      let contents = await cacheContents(page);
      assert.deepEqual(Object.keys(contents).sort(), [CACHE(second), 'iemand-anders'].sort(), 'the old cache is deleted on activation');
      assert.match(
        await page.evaluate(async (name) => (await (await caches.open(name)).match('/widget/ido.js'))!.text(), CACHE(second)),
        /\/\/ release 2\n$/,
      );
      assert.equal(await page.locator('#update').isHidden(), true);

      // Release 3 arrives while the desk is open; the desk is closed and opened again (the next
      // morning): nothing has been touched yet, so the new shell takes over at once.
      const third = publish(3);
      await update(page);
      await waitForText(page.locator('#update-text'), /^Er is een nieuwe versie/);
      await page.close();
      page = await context!.newPage();
      await page.goto(`${front.url}/balie`);
      let version: string | null = null;
      for (let tries = 0; tries < 100 && version !== third; tries++) {
        version = await shellVersion(page).catch(() => null); // the page reloads once on the way
        if (version !== third) await page.waitForLoadState('load');
      }
      assert.equal(version, third);
      contents = await cacheContents(page);
      assert.deepEqual(Object.keys(contents).sort(), [CACHE(third), 'iemand-anders'].sort());
      assert.deepEqual(contents['iemand-anders'], ['/x']);
    } finally {
      await front.close();
    }
  });
});

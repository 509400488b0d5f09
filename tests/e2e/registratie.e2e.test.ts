/**
 * End to end: a real browser on the demo page `/registratie.html` of a real `ido-server start`
 * (demo mode, PGlite), registering visits with `<ido-registratie>`, online and offline. What was
 * stored is checked through the API, as the demo coordinator.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { FIRST_DEFAULTS } from '../../widget/ido-registratie/visit.js';
import {
  amsterdamToday,
  coordinatorApi,
  daysAroundToday,
  launchBrowser,
  listRegistrations,
  locationId,
  shot,
  startE2eServer,
  waitForEmpty,
  waitForText,
  type Api,
  type E2eServer,
} from '../helpers/e2e.js';

const API_ROUTE = '**/api/v1/**';

/** Every click or key press the test performs on the page; loading the page is not one. */
class Interactions {
  count = 0;
  readonly log: string[] = [];
  constructor(private readonly page: Page) {}
  async click(target: Locator, what: string) {
    this.count++;
    this.log.push(`click ${what}`);
    await target.click();
  }
  async press(key: string) {
    this.count++;
    this.log.push(`press ${key}`);
    await this.page.keyboard.press(key);
  }
  /** Typing a word is one interaction per key. */
  async type(text: string) {
    for (const ch of text) await this.press(ch);
  }
}

describe('<ido-registratie> on /registratie.html, in a real browser against a real server', () => {
  let server: E2eServer;
  let browser: Browser;
  let api: Api;
  let neude: string;
  let context: BrowserContext | undefined;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    api = await coordinatorApi(server.base);
    neude = await locationId(api, 'Neude');
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    if (server) {
      const { code } = await server.stop();
      assert.equal(code, 0, `ido-server exit code; output:\n${JSON.stringify(server.output())}`);
    }
  });

  /** A fresh browser profile (no localStorage, no IndexedDB) on the demo page; the first widget on it. */
  async function open(): Promise<{ page: Page; widget: Locator }> {
    await context?.close();
    context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      console.error('page error:', error);
    });
    await page.goto(`${server.base}/registratie.html`);
    return { page, widget: page.locator('ido-registratie').first() };
  }

  /** The quick-entry chips are shown once the taxonomy, the location and the desk's counts are in. */
  async function ready(widget: Locator) {
    try {
      await widget.locator('[part="chip"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    } catch (error) {
      await shot(widget.page(), 'registratie-not-ready');
      const text = await widget.evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 800)).catch(() => '?');
      throw new Error(`the widget did not show its chips; it says: ${text}\n${(error as Error).message}`);
    }
  }

  const chip = (widget: Locator, label: string) => widget.locator('[part="chips"]').getByRole('button', { name: label, exact: true });
  const submitButton = (widget: Locator) => widget.getByRole('button', { name: 'Registreer', exact: true });
  const confirmation = (widget: Locator) => widget.locator('[part="confirmation"] [role="status"]');
  const banner = (widget: Locator) => widget.locator('[part="banner"] [role="status"]');

  const today = () => amsterdamToday();
  const days = daysAroundToday();
  const countAtNeude = async (topic?: string) => (await listRegistrations(api, { locationId: neude, ...days, topic })).length;

  it('a. registers a visit with the keyboard (huurtoeslag, Registreer): the live region confirms it and one row is stored', {
    timeout: 180_000,
  }, async () => {
    const before = await countAtNeude('huurtoeslag');
    const { page, widget } = await open();
    await ready(widget);

    const search = widget.getByRole('combobox', { name: 'Zoek een onderwerp' });
    await search.focus();
    await page.keyboard.type('huurtoeslag');
    await widget
      .getByRole('option', { name: /^Huurtoeslag/ })
      .first()
      .waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // chooses the first match
    await waitForText(widget.locator('#chosen-topic'), /Gekozen:\s*Huurtoeslag/);
    assert.equal(
      await search.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
      true,
      'focus stays in the search field',
    );
    await shot(page, 'registratie-a-chosen');
    await page.keyboard.press('Enter'); // submits the form

    const said = await waitForText(confirmation(widget), /Geregistreerd: Huurtoeslag/);
    assert.match(said, /^Geregistreerd: Huurtoeslag, \d{1,2}:\d{2}/);
    await shot(page, 'registratie-a-confirmed');

    // The confirmation only appears once the server has answered: the row is there now.
    assert.equal(await countAtNeude('huurtoeslag'), before + 1, 'exactly one more huurtoeslag registration at Neude today');
  });

  it('b. the commonest visit (one question, default details) takes at most two interactions', { timeout: 180_000 }, async () => {
    // The commonest topic at this desk, as the desk's own counts say (the widget's chips use the same 90 days).
    const from = new Date(Date.now() - 89 * 86_400_000);
    const summary = await api.get<{ groups: { key: string; label: string; questions: number }[] }>(
      `/api/v1/reports/summary?groupBy=topic&locationId=${neude}&from=${amsterdamToday(from)}&to=${today()}`,
    );
    assert.ok(summary.groups.length > 0, 'the demo has visits at Neude');
    const top = [...summary.groups].sort((a, b) => b.questions - a.questions)[0];
    const taxonomy = await api.get<{ topics: { code: string; label: string }[] }>('/api/v1/taxonomy?lang=nl');
    const label = taxonomy.topics.find((t) => t.code === top.key)!.label;

    const beforeTopic = await countAtNeude(top.key);
    const beforeAll = await countAtNeude();
    const { page, widget } = await open();
    await ready(widget);

    const interactions = new Interactions(page);
    await widget.evaluate((el) =>
      el.addEventListener('ido-registered', (e) => ((window as any).__registered ??= []).push((e as CustomEvent).detail.id)),
    );

    // The way a desk worker goes: the topic as a chip when the desk shows it, otherwise by search.
    if (await chip(widget, label).count()) {
      await interactions.click(chip(widget, label), `chip ${label}`);
    } else {
      await interactions.click(widget.getByRole('combobox', { name: 'Zoek een onderwerp' }), 'search field');
      await interactions.type(label.toLowerCase());
      await interactions.press('Enter');
    }
    await waitForText(widget.locator('#chosen-topic'), new RegExp(`Gekozen:\\s*${label}`));
    await interactions.click(submitButton(widget), 'Registreer');
    await waitForText(confirmation(widget), /^Geregistreerd: /);
    await shot(page, 'registratie-b-two-interactions');

    assert.ok(interactions.count <= 2, `the commonest visit took ${interactions.count} interactions: ${interactions.log.join(', ')}`);
    assert.equal(await countAtNeude(top.key), beforeTopic + 1);
    assert.equal(await countAtNeude(), beforeAll + 1);
    const ids = await page.evaluate(() => (window as any).__registered as string[]);
    assert.equal(ids.length, 1, 'one ido-registered event');
    const stored = await api.get(`/api/v1/registrations/${ids[0]}`);
    assert.equal(stored.locationId, neude);
    assert.equal(stored.channel, FIRST_DEFAULTS.channel);
    assert.equal(stored.duration, FIRST_DEFAULTS.duration);
    assert.equal(stored.questions.length, 1);
    assert.equal(stored.questions[0].topic, top.key);
    assert.equal(stored.questions[0].type, FIRST_DEFAULTS.type);
    assert.deepEqual(stored.questions[0].help, FIRST_DEFAULTS.help);
  });

  it('c. offline: three visits wait in IndexedDB, survive a reload, and are sent exactly once when the server is back', {
    timeout: 300_000,
  }, async () => {
    const before = await countAtNeude('huurtoeslag');
    const { page, widget } = await open();
    // The desk has used the page before: value lists, location and chips are in the browser.
    await ready(widget);

    // The API is cut; the page and ido.js stay reachable.
    await page.route(API_ROUTE, (route) => route.abort('internetdisconnected'));
    await widget.evaluate((el) =>
      el.addEventListener('ido-queued', (e) => ((window as any).__queued ??= []).push((e as CustomEvent).detail.id)),
    );

    for (let n = 1; n <= 3; n++) {
      await chip(widget, 'Huurtoeslag').click();
      await waitForText(widget.locator('#chosen-topic'), /Gekozen:\s*Huurtoeslag/);
      await submitButton(widget).click();
      await waitForText(banner(widget), new RegExp(`Geen verbinding\\. ${n} registratie${n === 1 ? ' wacht' : 's wachten'}`));
      await waitForText(confirmation(widget), /^Bewaard op deze computer: Huurtoeslag/);
    }
    await shot(page, 'registratie-c-offline-3-waiting');
    assert.match((await banner(widget).textContent()) ?? '', /^Geen verbinding\. 3 registraties wachten/);
    assert.equal(await countAtNeude('huurtoeslag'), before, 'nothing reached the server while it was cut off');
    const queued = await page.evaluate(() => (window as any).__queued as string[]);
    assert.equal(queued.length, 3, 'three ido-queued events');
    assert.equal(new Set(queued).size, 3);

    // Reload, still cut off: the three are read back from IndexedDB.
    await page.reload();
    await waitForText(banner(widget), /\b3 registraties wachten\b/);
    await widget.locator('[part="recent"] .badge').nth(2).waitFor({ state: 'visible' });
    assert.equal(await widget.locator('[part="recent"] .badge').count(), 3, 'the recent list shows three waiting visits');
    await shot(page, 'registratie-c-reloaded-still-waiting');
    assert.equal(await countAtNeude('huurtoeslag'), before);

    // The server comes back; the browser says it is online again.
    await page.unroute(API_ROUTE);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    // Both widgets on the page share the queue; wait until neither has anything left to send.
    const widgets = page.locator('ido-registratie');
    for (let i = 0; i < (await widgets.count()); i++) await waitForEmpty(banner(widgets.nth(i)), 60_000);
    await shot(page, 'registratie-c-sent');

    const after = await listRegistrations(api, { locationId: neude, ...days, topic: 'huurtoeslag' });
    assert.equal(after.length, before + 3, `exactly three new registrations, not ${after.length - before}`);
    const ids = new Set(after.map((r) => r.id));
    for (const id of queued) assert.ok(ids.has(id), `queued registration ${id} is stored`);
  });

  it('d. a reload while the server does not answer at all shows the same location and chips, and registering queues', {
    timeout: 300_000,
  }, async () => {
    const before = await countAtNeude();
    const { page, widget } = await open();
    await ready(widget);
    const locationLine = widget.locator('.location-line');
    await waitForText(locationLine, /^Locatie: .*Neude/);
    const chipsOnline = await widget.locator('[part="chip"]').allTextContents();
    const lineOnline = (await locationLine.textContent())!.trim();

    // Requests to the API hang: no answer and no error (a dead connection). Nothing can fail
    // before the checks below, so what the desk shows comes from what this browser remembers.
    const hanging: (() => void)[] = [];
    await page.route(
      API_ROUTE,
      (route) => new Promise<void>((resolve) => hanging.push(() => void route.abort('internetdisconnected').then(resolve, resolve))),
    );
    await page.reload();
    await ready(widget);
    assert.equal((await locationLine.textContent())!.trim(), lineOnline, 'the same location after the reload');
    assert.deepEqual(await widget.locator('[part="chip"]').allTextContents(), chipsOnline, 'the same chips after the reload');
    await shot(page, 'registratie-d-reloaded-no-answer');

    await widget.evaluate((el) =>
      el.addEventListener('ido-queued', (e) => ((window as any).__queued ??= []).push((e as CustomEvent).detail.id)),
    );
    await chip(widget, chipsOnline[0].trim()).click();
    await submitButton(widget).click();
    // The send gives up after its timeout and keeps the visit.
    await waitForText(confirmation(widget), /^Bewaard op deze computer: /);
    await waitForText(banner(widget), /^Geen verbinding\. 1 registratie wacht/);
    await widget.locator('[part="recent"] .badge').first().waitFor({ state: 'visible' });
    await shot(page, 'registratie-d-queued-no-answer');
    assert.equal((await page.evaluate(() => (window as any).__queued as string[])).length, 1, 'one ido-queued event');

    // The server answers again: the visit goes out once.
    await page.unroute(API_ROUTE);
    for (const release of hanging) release();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const widgets = page.locator('ido-registratie');
    for (let i = 0; i < (await widgets.count()); i++) await waitForEmpty(banner(widgets.nth(i)), 60_000);
    assert.equal(await countAtNeude(), before + 1);
  });
});

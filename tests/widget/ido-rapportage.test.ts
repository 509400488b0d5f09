/**
 * `<ido-rapportage>` in real Chromium against a real IDO server (in-memory PGlite with the demo
 * data and its demo logins, started by web-test-runner.config.mjs): the login form (validation,
 * wrong password, focus, session in sessionStorage only, logout), the dashboard (figures that match
 * the API, charts, summaries, table view, heatmap keyboard, custom period, filters for national
 * users), exports, the loading, empty and error states, 401 back to login, English, 320 px; and axe
 * in every state.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widget/index.js';
import type { IdoRapportage } from '../../widget/ido-rapportage/ido-rapportage.js';
import { createIdoClient } from '../../sdk/client.js';
import { formatRange, presetRange, previousRange, trendGrain } from '../../widget/ido-rapportage/period.js';
import { heatKey, heatTabStop } from '../../widget/ido-rapportage/heat-tab-stop.js';
import { testNow } from './server-clock.js';

interface TestServer {
  url: string;
  organisationId: string;
  locationId: string;
}
const server = (globalThis as unknown as { IDO_TEST: TestServer }).IDO_TEST;
/** A port nothing answers on (Chromium refuses it at once): the server "cannot be reached". */
const UNREACHABLE = 'http://127.0.0.1:9';
/** The demo logins that the test server's demo data creates (server/services/demo.ts). */
const COORDINATOR = { email: 'coordinator.utrecht@demo.ido-registratie.nl', password: 'demo-coordinator-2026' };
const NATIONAL = { email: 'landelijk@demo.ido-registratie.nl', password: 'demo-landelijk-2026' };

const root = (el: IdoRapportage) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: IdoRapportage, selector: string) => root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: IdoRapportage, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: IdoRapportage) => root(el).activeElement;
const buttonNamed = (el: IdoRapportage, name: string | RegExp, scope = '') =>
  $$<HTMLButtonElement>(el, `${scope} button`).find((b) => (typeof name === 'string' ? text(b) === name : name.test(text(b))));
const figure = (el: IdoRapportage, id: string) => $(el, `li[aria-labelledby="fig-${id}"]`);
const figureValue = (el: IdoRapportage, id: string) => text(figure(el, id)?.querySelector('.value'));
const nlNumber = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
/** The "Toon als tabel" / "Toon als grafiek" button of one chart. */
const toggleOf = (el: IdoRapportage, chart: string) =>
  $(el, `#${chart}-area`)!.closest('.chart-card')!.querySelector<HTMLButtonElement>('.chart-head button')!;

/** An sRGB colour as computed styles give it (`rgb(…)`, `rgba(…)` or `color(srgb …)`), 0–255 per channel. */
function colour(value: string): [number, number, number] {
  const srgb = value.match(/color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/);
  if (srgb) return [1, 2, 3].map((i) => Number(srgb[i]) * 255) as [number, number, number];
  const rgb = value.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/);
  if (!rgb) throw new Error(`not a colour: ${value}`);
  return [1, 2, 3].map((i) => Number(rgb[i])) as [number, number, number];
}
/** WCAG 2.1 contrast ratio of two colours. */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const lum = (c: [number, number, number]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const tokens = new Map<string, string>();
async function tokenFor(login: { email: string; password: string }) {
  let token = tokens.get(login.email);
  if (!token) {
    token = (await createIdoClient({ baseUrl: server.url }).auth.login(login)).token;
    tokens.set(login.email, token);
  }
  return token;
}

async function mount(attributes: { api?: string; token?: string; lang?: string; width?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: ${attributes.width ?? '1100px'}">
    <ido-rapportage api=${attributes.api ?? server.url} token=${attributes.token ?? ''} lang=${attributes.lang ?? 'nl'}></ido-rapportage>
  </div>`);
  const el = wrapper.querySelector('ido-rapportage')!;
  await waitUntil(() => $(el, '.root'), 'the element did not load its view', { timeout: 15_000 });
  return el;
}

/** Until the figures are on screen and nothing is loading any more. */
async function loaded(el: IdoRapportage) {
  await waitUntil(() => (figure(el, 'visits') || $(el, '.problem')) && !$(el, '[aria-busy="true"]'), 'the figures did not appear', {
    timeout: 20_000,
  });
  await el.updateComplete;
}

/** Until the charts module is there and every chart (or its table) is drawn. */
async function chartsDrawn(el: IdoRapportage) {
  await waitUntil(
    () => $$(el, '.chart-area').length > 0 && $$(el, '.chart-area').every((a) => a.querySelector('svg, table, p')),
    'the charts were not drawn',
    { timeout: 15_000 },
  );
  await waitUntil(() => !$$(el, '.chart-area p.hint').length, 'the charts module did not load', { timeout: 15_000 });
  await el.updateComplete;
}

async function choosePreset(el: IdoRapportage, preset: string) {
  const radio = $<HTMLInputElement>(el, `input[name="preset"][value="${preset}"]`)!;
  radio.click();
  await el.updateComplete;
}

async function customRange(el: IdoRapportage, from: string, to: string) {
  await choosePreset(el, 'custom');
  $<HTMLInputElement>(el, '#date-from')!.value = from;
  $<HTMLInputElement>(el, '#date-to')!.value = to;
  buttonNamed(el, 'Toon cijfers')!.click();
  await el.updateComplete;
}

function clearStorage() {
  sessionStorage.clear();
  localStorage.clear();
}

describe('<ido-rapportage> login', () => {
  beforeEach(clearStorage);

  it('shows its own login form without a token, and is accessible', async () => {
    const el = await mount();
    expect(text($(el, 'h2'))).to.equal('Inloggen voor de rapportage');
    const email = $<HTMLInputElement>(el, '#email')!;
    const password = $<HTMLInputElement>(el, '#password')!;
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('username');
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('current-password');
    expect(text($(el, '[part="login-button"]'))).to.equal('Inloggen');
    await expect(el).to.be.accessible();
  });

  it('says in plain Dutch what is missing, and puts focus on the first field to fix', async () => {
    const el = await mount();
    $<HTMLButtonElement>(el, '[part="login-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text($(el, '#email-error'))).to.contain('Vul je e-mailadres in.');
    expect(text($(el, '#password-error'))).to.contain('Vul je wachtwoord in.');
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#email')!.getAttribute('aria-describedby')).to.equal('email-error');
    expect(focused(el)?.id).to.equal('email');
    await expect(el).to.be.accessible();

    // A wrong e-mail address, then the error goes as soon as it is right.
    const email = $<HTMLInputElement>(el, '#email')!;
    email.value = 'coordinator';
    email.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text($(el, '#email-error'))).to.contain('Vul een e-mailadres in zoals');
    email.value = COORDINATOR.email;
    email.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#email-error')).to.equal(null);
    expect(focused(el)?.id).to.equal('email');
  });

  it('a wrong password: the message gets focus and the password is cleared', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, '#email')!.value = COORDINATOR.email;
    $<HTMLInputElement>(el, '#password')!.value = 'not-the-password';
    $<HTMLButtonElement>(el, '[part="login-button"]')!.click();
    await waitUntil(() => $(el, '#login-problem'), 'no login problem shown', { timeout: 15_000 });
    await el.updateComplete;
    expect(text($(el, '#login-problem'))).to.contain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(focused(el)?.id).to.equal('login-problem');
    expect($<HTMLInputElement>(el, '#password')!.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('logs in, fires ido-login, keeps the token in sessionStorage only, and logs out again', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, '#email')!.value = COORDINATOR.email;
    $<HTMLInputElement>(el, '#password')!.value = COORDINATOR.password;
    const login = oneEvent(el, 'ido-login');
    $<HTMLButtonElement>(el, '[part="login-button"]')!.click();
    const event = await login;
    expect(event.detail.user.email).to.equal(COORDINATOR.email);
    expect(event.detail.user.role).to.equal('coordinator');
    expect(JSON.stringify(event.detail)).not.to.contain('ido_st_');
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('heading');
    expect(text($(el, '.account'))).to.contain(`Ingelogd als ${COORDINATOR.email}`);
    await loaded(el);

    const stored = Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k) ?? '');
    expect(stored.some((v) => v.includes('ido_st_'))).to.equal(true);
    const local = Object.keys(localStorage)
      .map((k) => `${k}=${localStorage.getItem(k)}`)
      .join('\n');
    expect(local).not.to.contain('ido_st_');

    // A second element (say after a reload) picks the session up from sessionStorage.
    const again = await mount();
    await loaded(again);
    expect(figure(again, 'visits')).to.exist;

    const logout = oneEvent(again, 'ido-logout');
    buttonNamed(again, 'Uitloggen')!.click();
    await logout;
    await again.updateComplete;
    await again.updateComplete;
    expect($(again, '#email')).to.exist;
    expect(text($(again, '.notice'))).to.equal('Je bent uitgelogd.');
    expect(focused(again)?.id).to.equal('email');
    expect(Object.values(sessionStorage).some((v) => String(v).includes('ido_st_'))).to.equal(false);
    await expect(again).to.be.accessible();
  });

  it('says what to do when the server cannot be reached, or refuses too many attempts', async () => {
    const offline = await mount({ api: UNREACHABLE });
    $<HTMLInputElement>(offline, '#email')!.value = COORDINATOR.email;
    $<HTMLInputElement>(offline, '#password')!.value = COORDINATOR.password;
    $<HTMLButtonElement>(offline, '[part="login-button"]')!.click();
    await waitUntil(() => $(offline, '#login-problem'), 'no problem shown', { timeout: 15_000 });
    expect(text($(offline, '#login-problem'))).to.contain('Er is geen verbinding met de server.');

    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/auth/login')) {
        return new Response(JSON.stringify({ type: 'about:blank', title: 'Te veel verzoeken', status: 429 }), {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '60' },
        });
      }
      return realFetch(input, init);
    };
    try {
      const el = await mount();
      $<HTMLInputElement>(el, '#email')!.value = COORDINATOR.email;
      $<HTMLInputElement>(el, '#password')!.value = COORDINATOR.password;
      $<HTMLButtonElement>(el, '[part="login-button"]')!.click();
      await waitUntil(() => $(el, '#login-problem'), 'no problem shown', { timeout: 15_000 });
      expect(text($(el, '#login-problem'))).to.contain('Je hebt te vaak geprobeerd in te loggen. Wacht een minuut');
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
  });

  it('goes back to the login form, with a word on why, when the server refuses the token (401)', async () => {
    const el = await mount({ token: 'ido_st_not-a-real-session-token' });
    await waitUntil(() => $(el, '#login-problem'), 'not back at the login form', { timeout: 15_000 });
    expect(text($(el, '#login-problem'))).to.contain('Je bent uitgelogd, omdat je sessie is verlopen.');
    expect($(el, '#email')).to.exist;
    await expect(el).to.be.accessible();
  });
});

describe('<ido-rapportage> dashboard', () => {
  let token: string;
  before(async () => {
    token = await tokenFor(COORDINATOR);
  });
  beforeEach(clearStorage);

  it('shows a skeleton and a short text while loading, and is accessible', async () => {
    // Hold every report request until the loading state has been checked.
    const realFetch = window.fetch;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/reports/')) await gate;
      return realFetch(input, init);
    };
    try {
      const el = await mount({ token });
      await waitUntil(() => $(el, '.skeleton'), 'no skeleton', { timeout: 10_000 });
      expect(text($(el, 'p.status[role="status"]'))).to.equal('De cijfers worden geladen…');
      expect($(el, '[aria-busy="true"]')).to.exist;
      await expect(el).to.be.accessible();
      release();
      await loaded(el);
      expect($(el, '.skeleton')).to.equal(null);
    } finally {
      release();
      window.fetch = realFetch;
    }
  });

  it('shows the key figures as the API gives them, compared with the previous period', async () => {
    const el = await mount({ token });
    await loaded(el);
    await choosePreset(el, 'this-year');
    await loaded(el);
    const range = presetRange('this-year', testNow());
    const previous = previousRange(range, 'this-year');
    const api = createIdoClient({ baseUrl: server.url, token });
    const [now, before, courses] = await Promise.all([
      api.reports.summary(range),
      api.reports.summary(previous),
      api.reports.courses(range),
    ]);
    expect(now.visits).to.be.greaterThan(0);
    expect(figureValue(el, 'visits')).to.equal(nlNumber(now.visits));
    expect(figureValue(el, 'questions')).to.equal(nlNumber(now.questions));
    expect(figureValue(el, 'referred')).to.equal(`${Math.round((now.referred / now.visits) * 100)}%`);
    expect(figureValue(el, 'participants')).to.equal(nlNumber(courses.enrolled));
    expect(text(figure(el, 'referred'))).to.contain(`${nlNumber(now.referred)} van de ${nlNumber(now.visits)} bezoeken`);
    // The comparison is in words (meer / minder / evenveel), not in colour.
    const change = text(figure(el, 'visits')?.querySelector('.change'));
    expect(change).to.match(/(meer|minder) dan de vorige periode|Evenveel|Vorige periode: geen/);
    if (before.visits) expect(change).to.contain(`(${nlNumber(before.visits)})`);
    // "1 januari t/m 18 november 2026", or "januari t/m februari 2028" on 29 February, "2026" on 31 December.
    expect(range.from.slice(5)).to.equal('01-01');
    expect(text($(el, '.period-line'))).to.equal(
      `Cijfers over ${formatRange(range, 'nl')}, vergeleken met ${formatRange(previous, 'nl')}.`,
    );
  });

  it('draws the four charts with a text summary each, and is accessible', async () => {
    const el = await mount({ token });
    await loaded(el);
    await choosePreset(el, 'this-year');
    await loaded(el);
    await chartsDrawn(el);
    const headings = $$(el, '.chart-card h3').map(text);
    expect(headings).to.deep.equal([
      'Waar gaan de vragen over?',
      'Over welke instanties gaan de vragen?',
      'Hoe ontwikkelt het aantal bezoeken zich?',
      'Wanneer is het druk?',
    ]);
    expect($$(el, '.chart-card svg.chart').length).to.equal(4);
    expect(text($(el, '#topics-summary'))).to.match(/^Meeste vragen over .+ \(\d+\), daarna .+\.$/);
    expect(text($(el, '#heatmap-summary'))).to.match(/^Het drukst op \w+dag van \d\d:00 tot \d\d:00 \(\d+\)/);
    // Per month, or per week or day early in the year (the chart's grain follows the length of the period).
    const unit = { day: 'dag', week: 'week', month: 'maand' }[trendGrain(presetRange('this-year', testNow()))];
    expect(text($(el, '#trend-summary'))).to.match(new RegExp(`^In totaal \\d+ bezoeken?\\. De drukste ${unit} was`));
    // The bars carry their numbers, so the chart does not rely on colour.
    const values = $$(el, '#topics-area text.value').map(text);
    expect(values.length).to.be.greaterThan(1);
    expect(values.every((v) => /^\d[\d.]*$/.test(v))).to.equal(true);
    // The largest topic comes first.
    const api = createIdoClient({ baseUrl: server.url, token });
    const topics = await api.reports.summary({ ...presetRange('this-year', testNow()), groupBy: 'topic' });
    // Most questions first; equal counts by visits, then by name, so the order never depends on chance.
    const most = [...topics.groups].sort((a, b) => b.questions - a.questions || b.visits - a.visits || a.label.localeCompare(b.label))[0];
    expect(text($(el, '#topics-area text.label'))).to.equal(most.label);
    await expect(el).to.be.accessible();
  });

  it('"Toon als tabel" shows a real table with caption and headers in a focusable region', async () => {
    const el = await mount({ token });
    await loaded(el);
    await chartsDrawn(el);
    const toggle = toggleOf(el, 'topics');
    expect(text(toggle)).to.equal('Toon als tabel');
    expect(toggle.getAttribute('aria-controls')).to.equal('topics-area');
    toggle.click();
    await el.updateComplete;
    const region = $(el, '#topics-area [role="region"]')!;
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('aria-labelledby')).to.equal('topics-caption');
    const table = region.querySelector('table')!;
    expect(text(table.querySelector('caption'))).to.match(/^Vragen per onderwerp, /);
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col']);
    expect(table.querySelectorAll('tbody th[scope="row"]').length).to.be.greaterThan(0);
    expect(text(toggle)).to.equal('Toon als grafiek');
    await expect(el).to.be.accessible();

    // The heatmap as a table: a row per day, a column per hour.
    toggleOf(el, 'heatmap').click();
    await el.updateComplete;
    const heat = $(el, '#heatmap-area table')!;
    expect(text(heat.querySelector('tbody th[scope="row"]'))).to.equal('maandag');
    expect(text(heat.querySelector('thead th:nth-child(2)'))).to.match(/^\d\d:00–\d\d:00$/);
    await expect(el).to.be.accessible();

    toggle.click();
    await el.updateComplete;
    expect($(el, '#topics-area svg')).to.exist;
  });

  it('the heatmap is one tab stop; arrow keys move from cell to cell and say the numbers', async () => {
    const el = await mount({ token });
    await loaded(el);
    await chartsDrawn(el);
    const stops = $$(el, '#heatmap-area rect[tabindex="0"]');
    expect(stops.length).to.equal(1);
    expect($$(el, '#heatmap-area rect[role="img"]').length).to.be.greaterThan(30);
    stops[0].focus();
    await el.updateComplete;
    const first = stops[0].getAttribute('aria-label')!;
    expect(first).to.match(/^\w+dag \d\d:00–\d\d:00: \d+ bezoek(en)?$/);
    expect(text($(el, '.readout'))).to.equal(first);
    // The tab stop is the busiest cell, which may be in any row: down from it, or up from the last row.
    const row = (cell: Element) => Number(cell.getAttribute('data-r'));
    const lastRow = Math.max(...$$(el, '#heatmap-area rect[role="img"]').map(row));
    const down = row(stops[0]) < lastRow;
    await sendKeys({ press: down ? 'ArrowDown' : 'ArrowUp' });
    await el.updateComplete;
    const second = focused(el)!;
    expect(second.getAttribute('role')).to.equal('img');
    expect(row(second)).to.equal(row(stops[0]) + (down ? 1 : -1));
    expect(second.getAttribute('data-c')).to.equal(stops[0].getAttribute('data-c'));
    expect(text($(el, '.readout'))).to.equal(second.getAttribute('aria-label'));
    expect(second.getAttribute('tabindex')).to.equal('0');
    expect($$(el, '#heatmap-area rect[tabindex="0"]').length).to.equal(1);
    // Tab leaves the heatmap, and Shift+Tab comes back to the cell the arrows went to.
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(focused(el)).not.to.equal(second);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(focused(el)).to.equal(second);
    await expect(el).to.be.accessible();
  });

  it('the heatmap cell with focus has a dark and a light ring that stand out from every cell colour', async () => {
    const el = await mount({ token });
    await loaded(el);
    await chartsDrawn(el);
    const rings = (cell: Element) => [...cell.querySelectorAll('.ring')].map((r) => getComputedStyle(r));
    // Without focus no rings; then on each shade in turn, the darkest included.
    expect(rings($(el, '#heatmap-area .cell')!).every((r) => r.display === 'none')).to.equal(true);
    const shades = ['l0', 'l1', 'l2', 'l3', 'l4'].map((l) => $(el, `#heatmap-area .cell.${l}`)).filter((c): c is HTMLElement => c !== null);
    expect(shades.map((c) => c.classList[1])).to.include('l4');
    ($(el, '#heatmap-area rect[tabindex="0"]') as unknown as SVGElement).focus();
    for (const cell of shades) {
      const box = cell.querySelector<SVGElement>('.box')!;
      box.focus();
      await sendKeys({ press: 'Shift' }); // a key press, so that focus is shown as for the keyboard
      await el.updateComplete;
      expect(box.matches(':focus-visible'), cell.classList[1]).to.equal(true);
      const [dark, light] = rings(cell);
      expect([dark.display, light.display]).to.deep.equal(['inline', 'inline']);
      expect(parseFloat(dark.strokeWidth) + parseFloat(light.strokeWidth)).to.be.at.least(6);
      const fill = colour(getComputedStyle(box).fill);
      const [d, l] = [colour(dark.stroke), colour(light.stroke)];
      // The two rings differ by at least 9:1, so one of them has 3:1 against any colour (WCAG C40) …
      expect(contrast(d, l)).to.be.at.least(9);
      // … and here: against the cell itself and the page around the cell.
      expect(Math.max(contrast(d, fill), contrast(l, fill)), `${cell.classList[1]} against its fill`).to.be.at.least(3);
      expect(
        contrast(
          d,
          colour(getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : getComputedStyle(el).backgroundColor),
        ),
      ).to.be.at.least(3);
    }
  });

  it('"Zelf kiezen": checks the dates, and says so when a period has no registrations', async () => {
    const el = await mount({ token });
    await loaded(el);
    await customRange(el, '2000-02-01', '2000-01-01');
    expect(text($(el, '#date-error'))).to.contain('De eerste datum ligt na de tweede.');
    expect(focused(el)?.id).to.equal('date-from');
    expect($(el, '#date-from')!.getAttribute('aria-invalid')).to.equal('true');

    await customRange(el, '2000-01-01', '2000-01-31');
    await loaded(el);
    expect(text($(el, '.period-line'))).to.contain('Cijfers over januari 2000, vergeleken met december 1999');
    expect(text($(el, '.empty h3'))).to.equal('Nog geen registraties in deze periode');
    expect(figureValue(el, 'visits')).to.equal('0');
    expect($(el, '.charts')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters by location', async () => {
    const el = await mount({ token });
    await loaded(el);
    await choosePreset(el, 'this-year');
    await loaded(el);
    const all = figureValue(el, 'visits');
    const select = $<HTMLSelectElement>(el, '#location')!;
    expect(select.options[0].text).to.equal('Alle locaties');
    select.value = server.locationId;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await loaded(el);
    const api = createIdoClient({ baseUrl: server.url, token });
    const one = await api.reports.summary({ ...presetRange('this-year', testNow()), locationId: server.locationId });
    expect(figureValue(el, 'visits')).to.equal(nlNumber(one.visits));
    expect(figureValue(el, 'visits')).not.to.equal(all);
    // Coordinators get no organisation or province filter.
    expect($(el, '#organisation')).to.equal(null);
    expect($(el, '#province')).to.equal(null);
  });

  it('downloads the Excel for accountability and the CSV of all questions, with clear file names', async () => {
    const el = await mount({ token });
    await loaded(el);
    const saved: { name: string; href: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) saved.push({ name: this.download, href: this.href });
      else click.call(this);
    };
    try {
      const range = presetRange('this-month', testNow());
      const excel = buttonNamed(el, /Download Excel voor de verantwoording/)!;
      excel.click();
      await waitUntil(() => saved.length === 1, 'no Excel download', { timeout: 20_000 });
      expect(saved[0].name).to.equal(`ido-verantwoording-${range.from}-${range.to}.xlsx`);
      const xlsx = await (await fetch(saved[0].href)).blob();
      expect(xlsx.size).to.be.greaterThan(1000);
      expect(new Uint8Array(await xlsx.slice(0, 2).arrayBuffer())).to.deep.equal(new Uint8Array([0x50, 0x4b])); // a ZIP: PK
      await el.updateComplete;
      expect(text($(el, '.exports [role="status"]'))).to.equal(
        `Klaar: ido-verantwoording-${range.from}-${range.to}.xlsx staat in je downloads.`,
      );

      buttonNamed(el, /Download alle vragen \(CSV\)/)!.click();
      await waitUntil(() => saved.length === 2, 'no CSV download', { timeout: 20_000 });
      expect(saved[1].name).to.equal(`ido-vragen-${range.from}-${range.to}.csv`);
      const csv = new Uint8Array(await (await (await fetch(saved[1].href)).blob()).arrayBuffer());
      expect([...csv.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Dutch Excel
      expect(new TextDecoder().decode(csv).split('\n')[0]).to.contain(';');
      await expect(el).to.be.accessible();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('says what happened and what to do when the server cannot be reached', async () => {
    const el = await mount({ api: UNREACHABLE, token });
    await waitUntil(() => $(el, '.problem'), 'no problem shown', { timeout: 20_000 });
    expect($(el, '.problem')!.getAttribute('role')).to.equal('alert');
    expect(text($(el, '.problem'))).to.contain('er is geen verbinding met de server');
    expect(buttonNamed(el, 'Probeer opnieuw', '.problem')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount({ token, lang: 'en' });
    await loaded(el);
    expect(text($(el, 'legend'))).to.equal('Period');
    expect($$(el, '.segment').map(text)).to.deep.equal(['This month', 'Last month', 'This year', 'Choose dates']);
    expect(text($(el, '#fig-visits'))).to.equal('Visits');
    expect(buttonNamed(el, /Download Excel for the accountability report/)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen: charts laid out for the width, wide tables scroll in their region', async () => {
    const el = await mount({ token, width: '320px' });
    await loaded(el);
    await choosePreset(el, 'this-year');
    await loaded(el);
    await chartsDrawn(el);
    for (const chart of $$(el, 'svg.chart')) expect(chart.getBoundingClientRect().width).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(320);
    toggleOf(el, 'heatmap').click();
    await el.updateComplete;
    const region = $(el, '#heatmap-area [role="region"]')!;
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    for (const target of $$(el, 'button, select, .segment')) expect(target.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });
});

describe('heatTabStop: the heatmap cell that Tab reaches', () => {
  const grid = {
    days: [1, 2, 3, 4, 5],
    hours: [9, 10, 11, 12],
    busiest: [
      { day: 2, hour: 10 },
      { day: 1, hour: 9 },
    ],
  };

  it('is the busiest cell at first', () => {
    expect(heatTabStop(grid, null)).to.equal(heatKey(2, 10));
  });

  it('stays on the cell the arrow keys went to, also when it has no visits', () => {
    expect(heatTabStop(grid, heatKey(3, 10))).to.equal('3-10');
    expect(heatTabStop(grid, heatKey(1, 9))).to.equal('1-09');
  });

  it('goes back to the busiest cell when the cell it had is no longer shown', () => {
    expect(heatTabStop(grid, heatKey(6, 10)), 'a Saturday, not in this grid').to.equal('2-10');
    expect(heatTabStop(grid, heatKey(1, 18)), 'an hour not in this grid').to.equal('2-10');
  });

  it('is the first cell when nothing was counted', () => {
    expect(heatTabStop({ ...grid, busiest: [] }, null)).to.equal('1-09');
  });
});

describe('<ido-rapportage> for national users', () => {
  beforeEach(clearStorage);

  it('adds organisation and province filters, and narrows the locations to the choice', async () => {
    const token = await tokenFor(NATIONAL);
    const el = await mount({ token });
    await loaded(el);
    const organisation = $<HTMLSelectElement>(el, '#organisation')!;
    const province = $<HTMLSelectElement>(el, '#province')!;
    expect(organisation.options[0].text).to.equal('Alle organisaties');
    expect(organisation.options.length).to.be.greaterThan(2);
    expect(province.options[0].text).to.equal('Alle provincies');
    const before = $<HTMLSelectElement>(el, '#location')!.options.length;

    organisation.value = server.organisationId;
    organisation.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await loaded(el);
    const after = $<HTMLSelectElement>(el, '#location')!.options.length;
    expect(after).to.be.lessThan(before);
    const api = createIdoClient({ baseUrl: server.url, token });
    const own = await api.reports.summary({ ...presetRange('this-month', testNow()), organisationId: server.organisationId });
    expect(figureValue(el, 'visits')).to.equal(nlNumber(own.visits));
    await expect(el).to.be.accessible();
  });
});

/**
 * `<ido-beheer>` in real Chromium against the real IDO test server (demo data, PDOK stand-in, its
 * own clock): the shared login form, the list and its search, creating a location from postcode
 * and house number with walk-in hours (copied to the workdays) and an exception typed as
 * 28-12-2026, the week grid refusing an end before its start and an overlap in words, a PC4-only
 * address said in words, past exceptions folded away, an edit that meets a stale ETag (412 shown,
 * the draft kept, the change put on top without losing the other's), deleting after a
 * confirmation that names the location, keyboard only, English, 320 px; axe in every state.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widget/index.js';
import type { IdoBeheer } from '../../widget/ido-beheer/ido-beheer.js';
import { createIdoClient, type IdoClient } from '../../sdk/client.js';
import { addDays, amsterdamParts } from '../../sdk/opening-hours.js';
import { testNow } from './server-clock.js';

interface TestServer {
  url: string;
}
const server = (globalThis as unknown as { IDO_TEST: TestServer }).IDO_TEST;
/** A demo coordinator whose organisation the other browser tests do not count (server/services/demo.ts). */
const COORDINATOR = { email: 'coordinator.rotterdam@demo.ido-registratie.nl', password: 'demo-coordinator-2026' };

const root = (el: IdoBeheer) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: IdoBeheer, selector: string) => root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: IdoBeheer, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: IdoBeheer) => root(el).activeElement as HTMLElement | null;
const button = (el: IdoBeheer, name: string | RegExp) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => (typeof name === 'string' ? text(b) === name : name.test(text(b))));

let api: IdoClient;
before(async () => {
  const session = await createIdoClient({ baseUrl: server.url }).auth.login(COORDINATOR);
  api = createIdoClient({ baseUrl: server.url, token: session.token });
});

async function mount(attributes: { lang?: string; width?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: ${attributes.width ?? '1100px'}">
    <ido-beheer api=${server.url} lang=${attributes.lang ?? 'nl'}></ido-beheer>
  </div>`);
  const el = wrapper.querySelector('ido-beheer')!;
  await waitUntil(() => $(el, '.root'), 'the element did not load its body', { timeout: 15_000 });
  return el;
}

async function logIn(el: IdoBeheer) {
  $<HTMLInputElement>(el, '#email')!.value = COORDINATOR.email;
  $<HTMLInputElement>(el, '#password')!.value = COORDINATOR.password;
  const login = oneEvent(el, 'ido-login');
  $<HTMLButtonElement>(el, '[part="login-button"]')!.click();
  await login;
  await listed(el);
}

/** Until the list of locations is on screen. */
async function listed(el: IdoBeheer) {
  await waitUntil(() => $(el, '.count'), 'the list did not appear', { timeout: 15_000 });
  await el.updateComplete;
}

/** Types into a field as a person does: the input event the form listens to. */
async function type(el: IdoBeheer, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector)!;
  expect(input, selector).to.exist;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function click(el: IdoBeheer, target: string | RegExp | HTMLElement) {
  const node =
    target instanceof HTMLElement ? target : typeof target === 'string' && target.startsWith('#') ? $(el, target) : button(el, target);
  expect(node, String(target)).to.exist;
  node!.click();
  await el.updateComplete;
}

async function openNew(el: IdoBeheer) {
  await click(el, '#new-location');
  await waitUntil(() => $(el, '#form-heading'));
}

async function openEdit(el: IdoBeheer, id: string) {
  await click(el, `#edit-${id}`);
  await waitUntil(() => $(el, '#form-heading'), 'the form did not open', { timeout: 10_000 });
  await el.updateComplete;
}

async function lookUp(el: IdoBeheer, postcode: string, number: string) {
  await type(el, '#postcode', postcode);
  await type(el, '#number', number);
  await click(el, '#look-up');
  await waitUntil(() => text($(el, '#lookup-note')) && !/opgezocht/.test(text($(el, '#lookup-note'))), 'the look-up did not answer', {
    timeout: 10_000,
  });
  await el.updateComplete;
}

/** A location of the Rotterdam organisation made through the API, for a test of its own. */
async function seeded(name: string, extra: Record<string, unknown> = {}) {
  return api.locations.create({
    name,
    address: { street: 'Hoogstraat 110', postcode: '3011 PV', city: 'Rotterdam', municipality: 'Rotterdam', province: 'Zuid-Holland' },
    coordinates: { lat: 51.92, lon: 4.49 },
    walkInHours: [{ day: 2, opens: '10:00', closes: '12:00' }],
    ...extra,
  });
}

const today = () => amsterdamParts(testNow()).date;
/** `2026-12-28` → `28-12-2026`. */
const dutch = (iso: string) => iso.split('-').reverse().join('-');

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('<ido-beheer> login and list', () => {
  it('shows the shared login form, logs in, lists the locations, searches; axe clean throughout', async () => {
    const el = await mount();
    expect(text($(el, '#login-heading'))).to.equal('Inloggen voor beheer');
    expect($(el, '[part="login-form"]')).to.exist;
    await expect(el).to.be.accessible();
    await logIn(el);
    expect(text($(el, '.account'))).to.contain(`Ingelogd als ${COORDINATOR.email}`);
    const { items } = await api.locations.list();
    expect($$(el, '.location-row').length).to.equal(items.length);
    expect(text($(el, '.count'))).to.equal(`${items.length} locaties`);
    await expect(el).to.be.accessible();

    const first = items[0];
    await type(el, '#search', first.name.slice(-6).toUpperCase());
    expect($$(el, '.location-name').map(text)).to.include(first.name);
    await type(el, '#search', 'zzz-nergens');
    expect(text($(el, '.count'))).to.equal('Geen locatie gevonden met „zzz-nergens”. Zoek op een ander woord.');
    await expect(el).to.be.accessible();
  });

  it('shares its session with <ido-rapportage> in the same tab', async () => {
    const el = await mount();
    await logIn(el);
    const wrapper = await fixture<HTMLDivElement>(html`<div><ido-rapportage api=${server.url}></ido-rapportage></div>`);
    const dashboard = wrapper.querySelector('ido-rapportage')!;
    await waitUntil(() => dashboard.shadowRoot!.querySelector('#heading'), 'the dashboard did not pick up the session', {
      timeout: 15_000,
    });
    expect(dashboard.shadowRoot!.querySelector('#email')).to.equal(null);
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount({ lang: 'en' });
    expect(text($(el, '#login-heading'))).to.equal('Log in to the settings');
    await logIn(el);
    expect(text($(el, '#section-heading'))).to.equal('Locations');
    await openNew(el);
    expect(text($(el, '#form-heading'))).to.equal('New location');
    expect(text($(el, '.week legend'))).to.equal('Walk-in hours');
    await expect(el).to.be.accessible();
  });
});

describe('<ido-beheer> a new location', () => {
  it('fills the address from postcode and house number, copies hours to the workdays, adds an exception typed as 28-12-2026, and saves', async () => {
    const el = await mount();
    await logIn(el);
    await openNew(el);
    expect(focused(el)?.id).to.equal('form-heading');
    await expect(el).to.be.accessible();

    await type(el, '#name', 'IDO Oudegracht (test)');
    await lookUp(el, '3511ab', '11');
    expect(text($(el, '#lookup-note'))).to.contain('Adres gevonden: Oudegracht 11, 3511 AB Utrecht');
    expect($<HTMLInputElement>(el, '#street')!.value).to.equal('Oudegracht');
    expect($<HTMLInputElement>(el, '#city')!.value).to.equal('Utrecht');
    expect($<HTMLInputElement>(el, '#municipality')!.value).to.equal('Utrecht');
    expect($<HTMLInputElement>(el, '#province')!.value).to.equal('Utrecht');
    expect($<HTMLInputElement>(el, '#lat')!.value).to.equal('52.0921');
    expect($<HTMLInputElement>(el, '#postcode')!.value).to.equal('3511 AB');

    await click(el, '#add-1');
    expect(focused(el)?.id).to.equal('h-0-opens');
    await type(el, '#h-0-opens', '10:00');
    await type(el, '#h-0-closes', '13.00');
    await click(el, '#copy-1');
    expect(text($(el, '.save-bar')?.previousElementSibling)).to.equal('De tijden van maandag staan nu ook bij de andere werkdagen.');
    expect($$(el, '.time-input').length).to.equal(10);

    // The preview uses the same opening-hours functions as the locator: a weekday shows the range.
    const rows = $$(el, '.week-preview tr').map(text);
    expect(rows.filter((r) => r.includes('10:00 tot 13:00')).length).to.be.within(4, 5);

    const date = addDays(today(), 40);
    await type(el, '#x-date', dutch(date));
    await type(el, '#x-note', 'Studiedag');
    await click(el, '#x-add');
    expect($$(el, '.exception').map(text).join(' ')).to.match(/^Gesloten op \w+ \d+ \w+ \d{4} \(Studiedag\)/);
    await expect(el).to.be.accessible();

    await click(el, '#save');
    await waitUntil(() => /is toegevoegd/.test(text($(el, '.status'))), 'not saved', { timeout: 10_000 });
    expect(text($(el, '#form-heading'))).to.equal('IDO Oudegracht (test) wijzigen');

    const stored = (await api.locations.list()).items.find((l) => l.name === 'IDO Oudegracht (test)')!;
    expect(stored.address).to.deep.equal({
      street: 'Oudegracht 11',
      postcode: '3511 AB',
      city: 'Utrecht',
      municipality: 'Utrecht',
      province: 'Utrecht',
    });
    expect(stored.coordinates).to.deep.equal({ lat: 52.0921, lon: 5.11912 });
    expect(stored.walkInHours).to.deep.equal([1, 2, 3, 4, 5].map((day) => ({ day, opens: '10:00', closes: '13:00' })));
    expect(stored.exceptions).to.deep.equal([{ date, closed: true, note: 'Studiedag' }]);
    expect(stored.closedOnHolidays).to.not.include('goede-vrijdag');
    await api.locations.delete(stored.id);
  });

  it('refuses an end before its start and an overlap in words, and moves focus to the first', async () => {
    const el = await mount();
    await logIn(el);
    await openNew(el);
    await type(el, '#name', 'Fouten');
    await lookUp(el, '3512JC', '4');
    await click(el, '#add-2');
    await type(el, '#h-0-opens', '13:00');
    await type(el, '#h-0-closes', '10:00');
    await click(el, '#add-2');
    await type(el, '#h-1-opens', '9:00');
    await type(el, '#h-1-closes', '12:00');
    await click(el, '#add-2');
    await type(el, '#h-2-opens', '11:30');
    await type(el, '#h-2-closes', '14:00');
    await click(el, '#save');
    expect(text($(el, '#h-0-error'))).to.equal('Fout: De eindtijd ligt voor de begintijd. Kies een eindtijd na 13:00.');
    expect(text($(el, '#h-2-error'))).to.equal(
      'Fout: Dit tijdvak overlapt met 09:00 tot 12:00 op dezelfde dag. Kies tijden die elkaar niet raken, of maak er één tijdvak van.',
    );
    expect($(el, '#h-0-closes')!.getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)?.id).to.equal('h-0-closes');
    expect(text($(el, '#error-summary'))).to.contain('Dinsdag: De eindtijd ligt voor de begintijd.');
    await expect(el).to.be.accessible();
    // Nothing was stored.
    expect((await api.locations.list()).items.some((l) => l.name === 'Fouten')).to.equal(false);
  });

  it('says in words when only the PC4 area is known, and asks for a date in the form it wants', async () => {
    const el = await mount();
    await logIn(el);
    await openNew(el);
    await lookUp(el, '3512 AE', '11');
    expect(text($(el, '#lookup-note'))).to.contain('We weten alleen in welk postcodegebied (3512) dit adres ligt');
    expect($<HTMLInputElement>(el, '#street')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#lat')!.value).to.not.equal('');

    await type(el, '#x-date', '31-04-2027');
    await click(el, '#x-add');
    expect(text($(el, '#x-date-error'))).to.equal('Fout: Vul een datum in als 28-12-2026 (dag-maand-jaar).');
    expect(focused(el)?.id).to.equal('x-date');
    await expect(el).to.be.accessible();
  });
});

describe('<ido-beheer> editing', () => {
  it('folds past exceptions away and removes one from the list', async () => {
    const past = addDays(today(), -30);
    const coming = addDays(today(), 10);
    const location = await seeded('Uitzonderingen (test)', {
      exceptions: [
        { date: past, closed: true },
        { date: coming, opens: '10:00', closes: '11:00' },
      ],
    });
    const el = await mount();
    await logIn(el);
    await openEdit(el, location.id);
    expect($$(el, '.exceptions:not(details .exceptions) .exception').length).to.equal(1);
    expect(text($(el, 'details.past summary'))).to.equal('Eerdere uitzonderingen (1)');
    expect($<HTMLDetailsElement>(el, 'details.past')!.open).to.equal(false);
    await expect(el).to.be.accessible();
    await click(el, $$(el, '.exceptions:not(details .exceptions) .exception button')[0]);
    await click(el, '#save');
    await waitUntil(() => /is opgeslagen/.test(text($(el, '.status'))), 'not saved', { timeout: 10_000 });
    expect((await api.locations.get(location.id)).exceptions).to.deep.equal([{ date: past, closed: true }]);
    await api.locations.delete(location.id);
  });

  it('meets a stale ETag: says someone else changed it, keeps the draft, and puts the change on top of theirs', async () => {
    const location = await seeded('Gelijktijdig (test)', { exceptions: [{ date: addDays(today(), 5), closed: true }] });
    const el = await mount();
    await logIn(el);
    await openEdit(el, location.id);

    // Meanwhile a colleague adds a closure of their own.
    const theirs = { date: addDays(today(), 20), closed: true as const };
    await api.locations.update(location.id, { exceptions: [...(location.exceptions as { date: string; closed: true }[]), theirs] });

    const mine = addDays(today(), 30);
    await type(el, '#x-date', dutch(mine));
    await click(el, '#x-add');
    await type(el, '#name', 'Gelijktijdig (test, nieuwe naam)');
    await click(el, '#save');
    await waitUntil(() => $(el, '#conflict'), 'no 412 shown', { timeout: 10_000 });
    await el.updateComplete;
    expect(text($(el, '#conflict h3'))).to.equal('Iemand anders heeft dit net gewijzigd');
    expect(text($(el, '#conflict'))).to.contain('Zij veranderden: de uitzonderingen.');
    expect(focused(el)?.id).to.equal('conflict');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Gelijktijdig (test, nieuwe naam)');
    // Nothing of this coordinator was stored.
    expect((await api.locations.get(location.id)).name).to.equal('Gelijktijdig (test)');
    await expect(el).to.be.accessible();

    await click(el, '#conflict-apply');
    expect($(el, '#conflict')).to.equal(null);
    expect($$(el, '.exception').length).to.equal(3);
    await click(el, '#save');
    await waitUntil(() => /is opgeslagen/.test(text($(el, '.status'))), 'not saved', { timeout: 10_000 });
    const stored = await api.locations.get(location.id);
    expect(stored.name).to.equal('Gelijktijdig (test, nieuwe naam)');
    expect(stored.exceptions.map((e) => e.date)).to.deep.equal([addDays(today(), 5), theirs.date, mine]);
    await api.locations.delete(location.id);
  });

  it('deletes after a confirmation that names the location', async () => {
    const location = await seeded('Weg ermee (test)');
    const el = await mount();
    await logIn(el);
    await openEdit(el, location.id);
    await click(el, '#delete');
    expect(text($(el, '#confirm-heading'))).to.equal('Weet je zeker dat je Weg ermee (test) wilt verwijderen?');
    expect(focused(el)?.id).to.equal('confirm-heading');
    await expect(el).to.be.accessible();
    await click(el, '#delete-no');
    expect($(el, '#confirm-heading')).to.equal(null);
    expect(focused(el)?.id).to.equal('delete');
    await click(el, '#delete');
    expect(text($(el, '#delete-yes'))).to.equal('Ja, verwijder Weg ermee (test)');
    await click(el, '#delete-yes');
    await waitUntil(() => /is verwijderd/.test(text($(el, '#notice'))), 'not deleted', { timeout: 10_000 });
    await listed(el);
    expect($$(el, '.location-name').map(text)).to.not.include('Weg ermee (test)');
    let status = 0;
    await api.locations.get(location.id).catch((e: { status: number }) => {
      status = e.status;
    });
    expect(status).to.equal(404);
  });
});

describe('<ido-beheer> keyboard and narrow screens', () => {
  it('sets up a location with the keyboard only', async () => {
    const el = await mount();
    await logIn(el);
    $(el, '#search')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('new-location');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'form-heading', 'focus did not move to the form');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('name');
    await sendKeys({ type: 'Toetsenbord (test)' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '3511AB' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '11' });
    await sendKeys({ press: 'Tab' }); // the addition
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('look-up');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /Adres gevonden/.test(text($(el, '#lookup-note'))), 'the look-up did not answer', { timeout: 10_000 });
    // Street, place, municipality, province, latitude, longitude: then Monday's "Tijdvak toevoegen".
    for (let i = 0; i < 7; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('add-1');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('h-0-opens');
    await sendKeys({ type: '10:00' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '13:00' });
    await sendKeys({ press: 'Enter' }); // submits the form
    await waitUntil(() => /is toegevoegd/.test(text($(el, '.status'))), 'not saved', { timeout: 10_000 });
    const stored = (await api.locations.list()).items.find((l) => l.name === 'Toetsenbord (test)')!;
    expect(stored.walkInHours).to.deep.equal([{ day: 1, opens: '10:00', closes: '13:00' }]);
    await api.locations.delete(stored.id);
  });

  it('fits 320 px without sideways scrolling, and is accessible there', async () => {
    const el = await mount({ width: '320px' });
    await logIn(el);
    await openNew(el);
    await click(el, '#add-1');
    await click(el, '#save');
    const wrapper = el.parentElement!;
    const widest = Math.max(...$$(el, '*').map((n) => n.getBoundingClientRect().right));
    expect(widest).to.be.at.most(wrapper.getBoundingClientRect().right + 1);
    await expect(el).to.be.accessible();
  });
});

describe('<ido-beheer> Cursussen', () => {
  const year = () => Number(today().slice(0, 4));
  const range = () => ({ from: `${year()}-01-01`, to: `${year()}-12-31` });

  async function openCourses(el: IdoBeheer) {
    await click(el, '#nav-courses');
    await waitUntil(() => $(el, '#course-totals'), 'the courses did not appear', { timeout: 15_000 });
    await el.updateComplete;
  }

  async function select(el: IdoBeheer, selector: string, value: string) {
    const node = $<HTMLSelectElement>(el, selector)!;
    node.value = value;
    node.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
  }

  it('shows the year’s totals as the reports count them, adds a run, and "Cursisten" goes up by its enrolled', async () => {
    const before = await api.reports.courses(range());
    const el = await mount();
    await logIn(el);
    await openCourses(el);
    expect(focused(el)?.id).to.equal('section-heading');
    expect($(el, '#nav-courses')!.getAttribute('aria-current')).to.equal('page');
    expect(text($(el, '#course-totals'))).to.contain(`In ${year()}: ${before.runs} cursus`);
    expect(text($(el, '#course-totals'))).to.contain(`${before.enrolled} cursist`);
    await expect(el).to.be.accessible();

    await click(el, '#new-course');
    const [location] = (await api.locations.list()).items;
    await select(el, '#locationId', location.id);
    await select(el, '#type', 'digisterker');
    await type(el, '#startDate', dutch(`${year()}-03-12`));
    await type(el, '#sessions', '4');
    await type(el, '#enrolled', '9');
    await type(el, '#completed', '12');
    await click(el, '#save-course');
    expect(text($(el, '#completed-error'))).to.equal('Fout: Er kunnen niet meer mensen afronden dan er ingeschreven zijn (9).');
    expect(focused(el)?.id).to.equal('completed');
    await expect(el).to.be.accessible();
    await type(el, '#completed', '');
    await click(el, '#save-course');
    await waitUntil(() => /is toegevoegd/.test(text($(el, '#notice'))), 'not saved', { timeout: 10_000 });
    await waitUntil(() => text($(el, '#course-totals')).includes(`${before.enrolled + 9} cursist`), 'the totals did not follow', {
      timeout: 10_000,
    });
    const after = await api.reports.courses(range());
    expect(after.enrolled).to.equal(before.enrolled + 9);
    expect(after.runs).to.equal(before.runs + 1);

    const created = (await api.courses.list(range())).items.find(
      (c) => c.startDate === `${year()}-03-12` && c.enrolled === 9 && c.type === 'digisterker',
    )!;
    expect(created.completed).to.equal(null);
    await api.courses.delete(created.id);
  });

  it('fills in "afgerond" when a run ends, and deletes a run after a confirmation that names it', async () => {
    const [location] = (await api.locations.list()).items;
    const course = await api.courses.create({
      locationId: location.id,
      type: 'klik-en-tik',
      startDate: `${year()}-02-02`,
      sessions: 3,
      enrolled: 6,
    });
    const el = await mount();
    await logIn(el);
    await openCourses(el);
    await click(el, `#course-${course.id}`);
    await waitUntil(() => $(el, '#form-heading'));
    expect(text($(el, '#form-heading'))).to.match(/^Klik & Tik op 02-02-\d{4} wijzigen$/);
    await type(el, '#completed', '5');
    await click(el, '#save-course');
    await waitUntil(() => /is opgeslagen/.test(text($(el, '#notice'))), 'not saved', { timeout: 10_000 });
    expect((await api.courses.get(course.id)).completed).to.equal(5);

    await waitUntil(() => $(el, `#course-${course.id}`), 'the list did not come back', { timeout: 10_000 });
    await click(el, `#course-${course.id}`);
    await click(el, '#delete');
    expect(text($(el, '#confirm-heading'))).to.match(/^Weet je zeker dat je Klik & Tik op 02-02-\d{4} wilt verwijderen\?$/);
    await expect(el).to.be.accessible();
    await click(el, '#delete-yes');
    await waitUntil(() => /is verwijderd/.test(text($(el, '#notice'))), 'not deleted', { timeout: 10_000 });
    let status = 0;
    await api.courses.get(course.id).catch((e: { status: number }) => {
      status = e.status;
    });
    expect(status).to.equal(404);
  });
});

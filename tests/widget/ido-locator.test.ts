/**
 * `<ido-locator>` in real Chromium against a real IDO server (demo data, PC4 table; started by the
 * test setup): rendering, validation, keyboard, results, the week, errors, location, events,
 * language, and that nothing leaves for a third party without `map`.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widget/ido-locator/define.js';
import type { IdoLocator } from '../../widget/ido-locator/ido-locator.js';
import { formatDistance } from '../../sdk/geo.js';
import type { HolidayCode } from '../../sdk/holidays.js';
import { amsterdamInstant, describeOpenState, openState, type OpeningException } from '../../sdk/opening-hours.js';
import type { PublicLocation, PublicLocations } from '../../sdk/schemas/reports.js';
import './server-clock.js';

/** Origin of the IDO server that web-test-runner.config.mjs started (tests/helpers/test-server.ts). */
const API: string = (globalThis as { IDO_TEST_API?: string }).IDO_TEST_API ?? '';
if (!API) throw new Error('No IDO test server: run these tests through web-test-runner.config.mjs, which sets window.IDO_TEST_API.');
/** A port nothing listens on: the server "cannot be reached". */
const UNREACHABLE = 'http://127.0.0.1:9';

const root = (el: IdoLocator) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: IdoLocator, selector: string) => root(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: IdoLocator, selector: string) => [...root(el).querySelectorAll<E>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const input = (el: IdoLocator) => $<HTMLInputElement>(el, '#postcode')!;
const status = (el: IdoLocator) => text($(el, '[role="status"]'));
const problem = (el: IdoLocator) => text($(el, '[role="alert"]'));
const cards = (el: IdoLocator) => $$(el, 'li.card');
/** The clock the element evaluates open states against (a private state, read and set by the tests). */
const clock = (el: IdoLocator) => el as unknown as { _now: Date };

async function search(el: IdoLocator, value: string) {
  input(el).value = value;
  $<HTMLButtonElement>(el, '[part="search-button"]')!.click();
  await el.updateComplete;
}

async function results(el: IdoLocator) {
  await waitUntil(() => cards(el).length > 0, 'no results appeared', { timeout: 15_000 });
  await el.updateComplete;
}

async function serverAnswer(query: string): Promise<PublicLocations> {
  const response = await fetch(`${API}/api/v1/public/locations?${query}`);
  expect(response.status).to.equal(200);
  return response.json();
}

function expectedState(location: PublicLocation, now: Date, lang: 'nl' | 'en' = 'nl') {
  const schedule = {
    walkInHours: location.walkInHours,
    exceptions: location.exceptions as unknown as OpeningException[],
    closedOnHolidays: location.closedOnHolidays as HolidayCode[],
  };
  return describeOpenState(openState(schedule, now), lang, now);
}

/** Replaces the browser's geolocation for one test; returns how often it was asked and a restore. */
function stubGeolocation(answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
  const geolocation = navigator.geolocation;
  const original = geolocation.getCurrentPosition;
  const calls = { count: 0 };
  geolocation.getCurrentPosition = (ok: PositionCallback, fail?: PositionErrorCallback | null) => {
    calls.count++;
    answer(ok, fail ?? (() => {}));
  };
  return {
    calls,
    restore: () => {
      geolocation.getCurrentPosition = original;
    },
  };
}

const positionError = (code: number) =>
  ({ code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }) as GeolocationPositionError;

describe('<ido-locator>', function () {
  this.timeout(30_000);

  describe('before a search', () => {
    it('shows the heading, what an IDO is, one labelled field with its hint and the two buttons', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      expect(text($(el, 'h2'))).to.equal('Vind een Informatiepunt Digitale Overheid');
      expect(text($(el, '.intro'))).to.equal('Gratis hulp bij vragen over de overheid. U hoeft geen lid te zijn van de bibliotheek.');
      expect(text($(el, 'label[for="postcode"]'))).to.equal('Uw postcode');
      expect(text($(el, '#postcode-hint'))).to.equal('Bijvoorbeeld 3511 AB');
      const field = input(el);
      expect(field.getAttribute('part')).to.equal('input');
      expect(field.autocomplete).to.equal('postal-code');
      expect(field.maxLength === -1 || field.maxLength >= 7, 'no maxlength below 7').to.equal(true);
      expect(field.getAttribute('aria-describedby')).to.equal('postcode-hint');
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      expect(text($(el, '[part="search-button"]'))).to.equal('Zoek');
      expect(text($(el, '[part="location-button"]'))).to.equal('Gebruik mijn locatie');
      expect($(el, '[part="form"]')).to.exist;
      expect(status(el)).to.equal('');
      expect(cards(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('asks for nothing and loads nothing on its own', async () => {
      const before = performance.getEntriesByType('resource').length;
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const after = performance.getEntriesByType('resource').slice(before) as PerformanceResourceTiming[];
      expect(
        after.filter((e) => e.name.startsWith(API)),
        'no API call before the visitor asks',
      ).to.have.length(0);
      expect(el.shadowRoot!.querySelector('.map')).to.equal(null);
    });
  });

  describe('validation', () => {
    it('says what is wrong after submit, marks the field and puts focus on it', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      input(el).value = '12';
      input(el).dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect($(el, '#postcode-error'), 'no error while typing').to.equal(null);

      await search(el, '12');
      expect(text($(el, '#postcode-error'))).to.contain('Vul een postcode in, bijvoorbeeld 3511 AB');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).getAttribute('aria-describedby')!.split(' ')).to.include.members(['postcode-hint', 'postcode-error']);
      expect(root(el).activeElement).to.equal(input(el));
      await expect(el).to.be.accessible();

      await search(el, '   ');
      expect(text($(el, '#postcode-error'))).to.contain('Vul een postcode in, bijvoorbeeld 3511 AB');
      await search(el, '0123 AB');
      expect(text($(el, '#postcode-error'))).to.contain('Vul een postcode in');
    });

    it('accepts a postcode in any usual form, and shows it the usual way', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, ' 3511ab ');
      await results(el);
      expect(status(el)).to.match(/^\d+ informatiepunten? gevonden bij 3511 AB$/);
      expect($(el, '#postcode-error')).to.equal(null);
      expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    });

    it('clears the error once a valid postcode is searched', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, 'x1');
      expect($(el, '#postcode-error')).to.exist;
      await search(el, '3511 AB');
      expect($(el, '#postcode-error')).to.equal(null);
      await results(el);
    });
  });

  describe('keyboard', () => {
    it('Tab reaches the field, typing and Enter search', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el);
      expect(root(el).activeElement).to.equal(input(el));
      await sendKeys({ type: '3511 AB' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(['Bezig met zoeken…', ''].includes(status(el)) || /gevonden/.test(status(el))).to.equal(true);
      await results(el);
      expect(status(el)).to.match(/gevonden bij 3511 AB$/);
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal($(el, '[part="search-button"]'));
    });
  });

  describe('results from the IDO server', () => {
    it('lists the nearest locations first, each with distance, open state, hours, address, route, phone and access', async () => {
      const answer = await serverAnswer('postcode=3511AB&limit=5');
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);

      expect(status(el)).to.equal(`${answer.items.length} informatiepunten gevonden bij 3511 AB`);
      const list = $(el, '[part="results"]')!;
      expect(list.tagName).to.equal('OL');
      expect(list.getAttribute('aria-labelledby')).to.equal('status');
      const shown = cards(el);
      expect(shown.map((card) => text(card.querySelector('h3')).replace(/^\d+\s*/, ''))).to.deep.equal(answer.items.map((l) => l.name));
      const distances = answer.items.map((l) => l.distanceKm!);
      expect([...distances].sort((a, b) => a - b)).to.deep.equal(distances);

      const now = clock(el)._now;
      answer.items.forEach((location, i) => {
        const card = shown[i];
        expect(card.getAttribute('part')).to.equal('card');
        expect(text(card)).to.contain(`${formatDistance(location.distanceKm!, 'nl')} hiervandaan`);
        expect(text(card.querySelector('.state'))).to.equal(expectedState(location, now));
        expect(card.querySelector('.state svg')?.getAttribute('aria-hidden'), 'the state has an icon beside the words').to.equal('true');
        expect(text(card)).to.match(/Vandaag: (gesloten|\d\d:\d\d tot \d\d:\d\d)/);
        expect(text(card)).to.contain(location.address.street);
        expect(text(card)).to.contain(`${location.address.postcode} ${location.address.city}`);
        const route = card.querySelector<HTMLAnchorElement>('a[href^="https://www.openstreetmap.org/directions"]')!;
        expect(route.href).to.contain(`${location.coordinates.lat}%2C${location.coordinates.lon}`);
        expect(route.target).to.equal('_blank');
        expect(route.rel.split(' ')).to.include('noopener');
        expect(text(route)).to.contain('(opent in nieuw venster)');
        expect(text(route)).to.contain(location.name);
      });

      const neude = shown[answer.items.findIndex((l) => l.name === 'Bibliotheek Neude')];
      expect(text(neude)).to.contain('Rolstoeltoegankelijk');
      expect(text(neude)).to.contain('Ringleiding');
      const phone = neude.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
      expect(phone.getAttribute('href')).to.equal('tel:0302861800');
      expect(text(phone)).to.equal('Bel 030 286 1800');

      if (answer.attribution) expect(text($(el, '.credit'))).to.equal('Postcodegebieden: © GeoNames (geonames.org), CC BY 4.0');
      else expect($(el, '.credit'), 'no credit line without attribution').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('credits GeoNames when the answer comes from the PC4 table', async () => {
      // 3562 JE is not in the PDOK stand-in: only the PC4 centroids (GeoNames) know it.
      const response = await fetch(`${API}/api/v1/public/locations?postcode=3562JE&limit=1`);
      // The test server imports the bundled centroids (server/data/pc4) as a start does; without them this fails, as it should.
      expect(response.status, 'the test server has the PC4 table').to.equal(200);
      const answer = (await response.json()) as PublicLocations;
      expect(answer.attribution).to.contain('GeoNames');
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '3562 JE');
      await results(el);
      // In the page's language, as every public text: the answer's own attribution is English.
      expect(text($(el, '.credit'))).to.equal('Postcodegebieden: © GeoNames (geonames.org), CC BY 4.0');
      await expect(el).to.be.accessible();
      el.lang = 'en';
      await el.updateComplete;
      await waitUntil(() => text($(el, '.credit')) === 'Postcode areas: © GeoNames (geonames.org), CC BY 4.0', 'the credit in English');
    });

    it('says when a postcode was found only as its area, and when nothing is near', async () => {
      // 9999 ZZ: the PDOK stand-in does not know it, the PC4 centroids know 9999 (far in the north-east).
      const answer = await serverAnswer('postcode=9999ZZ');
      expect(answer.origin?.precision, 'the server found the area only').to.equal('pc4');
      const nearest = answer.items[0].distanceKm!;
      expect(nearest, 'the demo has no desk within 25 km of 9999').to.be.greaterThan(25);
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '9999 ZZ');
      await results(el);
      const notes = $$(el, '.search-notes p').map(text);
      expect(notes).to.deep.equal([
        'We kennen postcode 9999 ZZ niet precies. We zoeken vanaf het midden van postcodegebied 9999. De afstanden kloppen daarom ongeveer.',
        `Er is geen informatiepunt dichtbij. Het dichtstbijzijnde is ${formatDistance(nearest, 'nl')} hiervandaan.`,
      ]);
      // Said before the cards, where the eye and a screen reader meet it first.
      const order = $(el, '.search-notes')!.compareDocumentPosition($(el, '.results')!);
      expect(order & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      await expect(el).to.be.accessible();

      // Four digits typed: the area is what was asked for; only the distances are approximate.
      await search(el, '9999');
      await waitUntil(() => text($(el, '.search-notes p')).startsWith('We zoeken vanaf'), 'the four-digit notice');
      expect(text($(el, '.search-notes p'))).to.equal(
        'We zoeken vanaf het midden van postcodegebied 9999. De afstanden kloppen daarom ongeveer.',
      );
    });

    it('adds no notice for a postcode found as such, with a desk nearby', async () => {
      const answer = await serverAnswer('postcode=3511AB');
      expect(answer.origin?.precision).to.equal('postcode');
      expect(answer.items[0].distanceKm!).to.be.at.most(25);
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);
      expect($$(el, '.search-notes p')).to.have.length(0);
      expect($(el, '.credit')).to.equal(null);
    });

    it('opens the week (Monday to Sunday) with "Toon alle openingstijden"', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);
      const card = cards(el)[0];
      const toggle = card.querySelector<HTMLButtonElement>('button[aria-controls]')!;
      expect(text(toggle)).to.equal('Toon alle openingstijden');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const week = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(week.hidden).to.equal(true);

      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(text(toggle), 'the label follows the state').to.equal('Verberg de openingstijden');
      expect(week.hidden).to.equal(false);
      const rows = [...week.querySelectorAll('tbody tr')];
      expect(rows.map((row) => text(row.querySelector('th')).replace(' (vandaag)', ''))).to.deep.equal([
        'Maandag',
        'Dinsdag',
        'Woensdag',
        'Donderdag',
        'Vrijdag',
        'Zaterdag',
        'Zondag',
      ]);
      for (const row of rows)
        expect(text(row.querySelector('td'))).to.match(/^(gesloten|\d\d:\d\d tot \d\d:\d\d( en \d\d:\d\d tot \d\d:\d\d)*)$/);
      expect(week.querySelectorAll('tr[aria-current="date"]')).to.have.length(1);
      await expect(el).to.be.accessible();

      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(week.hidden).to.equal(true);
    });

    it('re-evaluates "open now" as time passes', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);
      const index = cards(el).findIndex((card) => text(card.querySelector('h3')).includes('Bibliotheek Neude'));
      // Neude: Monday 10:00–13:00, Wednesday 13:30–16:30 (demo data). Monday 30 November 2026:
      clock(el)._now = amsterdamInstant('2026-11-30', '10:30');
      await el.updateComplete;
      expect(text(cards(el)[index].querySelector('.state'))).to.equal('Nu open tot 13:00');
      expect(text(cards(el)[index])).to.contain('Vandaag: 10:00 tot 13:00');
      clock(el)._now = amsterdamInstant('2026-11-30', '13:01');
      await el.updateComplete;
      expect(text(cards(el)[index].querySelector('.state'))).to.equal('Gesloten. Weer open woensdag om 13:30');
    });

    it('warns about holidays and other changes in the coming two weeks', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);
      const card = () => cards(el).find((c) => text(c.querySelector('h3')).includes('Bibliotheek Neude'))!;
      clock(el)._now = amsterdamInstant('2026-12-21', '10:30');
      await el.updateComplete;
      card().querySelector<HTMLButtonElement>('button[aria-controls]')!.click();
      await el.updateComplete;
      const week = card().querySelector('.week')!;
      expect(text(week.querySelector('h4'))).to.equal('Let op, andere tijden:');
      const changes = [...week.querySelectorAll('li')].map(text);
      // Neude (demo data): closed on Christmas and New Year's Day, short hours on 31 December.
      expect(changes).to.include('Vrijdag 25 december (Eerste Kerstdag): gesloten');
      expect(changes).to.include('Donderdag 31 december: 10:00 tot 12:00');
      expect(changes).to.include('Vrijdag 1 januari (Nieuwjaarsdag): gesloten');
      expect(text(week.querySelector('tr[aria-current="date"] th'))).to.equal('Maandag (vandaag)');
      await expect(el).to.be.accessible();
    });

    it('shows the real hours of the coming week in the table, as the open state does', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);
      const card = () => cards(el).find((c) => text(c.querySelector('h3')).includes('Bibliotheek Neude'))!;
      const row = (day: string) => [...card().querySelectorAll('.week tbody tr')].find((r) => text(r.querySelector('th')).startsWith(day))!;
      // Christmas Day 2026, a Friday; Neude (demo data) is closed on it, and open on Fridays otherwise.
      clock(el)._now = amsterdamInstant('2026-12-25', '10:30');
      await el.updateComplete;
      card().querySelector<HTMLButtonElement>('button[aria-controls]')!.click();
      await el.updateComplete;
      expect(text(card().querySelector('.state'))).to.match(/^Gesloten/);
      expect(text(card())).to.contain('Vandaag: gesloten');
      expect(text(row('Vrijdag').querySelector('th'))).to.equal('Vrijdag (vandaag)');
      expect(text(row('Vrijdag').querySelector('td'))).to.equal('gesloten (Eerste Kerstdag)');
      // The rest of the table is the coming week: Thursday is 31 December, with short hours.
      expect(text(row('Donderdag').querySelector('td'))).to.equal('10:00 tot 12:00 (andere tijden dan normaal)');

      // On 31 December itself the table and the state agree on the short hours.
      clock(el)._now = amsterdamInstant('2026-12-31', '11:00');
      await el.updateComplete;
      expect(text(card().querySelector('.state'))).to.equal('Nu open tot 12:00');
      expect(text(row('Donderdag').querySelector('td'))).to.equal('10:00 tot 12:00 (andere tijden dan normaal)');
      expect(text(row('Vrijdag').querySelector('td'))).to.equal('gesloten (Nieuwjaarsdag)');
      await expect(el).to.be.accessible();
    });

    it('searches a place name', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, 'Utrecht');
      await results(el);
      expect(status(el)).to.match(/informatiepunten? gevonden bij Utrecht$/);
    });

    it('shows as many as `limit` asks', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API} limit="2"></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);
      expect(cards(el)).to.have.length(2);
      expect(status(el)).to.equal('2 informatiepunten gevonden bij 3511 AB');
    });

    it('starts with the `postcode` attribute, without taking focus', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API} postcode="3511 AB"></ido-locator>`);
      await results(el);
      expect(input(el).value).to.equal('3511 AB');
      expect(status(el)).to.match(/gevonden bij 3511 AB$/);
      expect(document.activeElement).to.not.equal(el);
    });
  });

  describe('when something goes wrong', () => {
    it('says an unknown postcode is unknown, and puts focus on the field', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '1000 AA');
      await waitUntil(() => $(el, '#postcode-error'), 'no error shown', { timeout: 15_000 });
      await el.updateComplete;
      expect(text($(el, '#postcode-error'))).to.contain('We kennen deze postcode niet. Controleer de postcode of gebruik uw locatie.');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).activeElement).to.equal(input(el));
      expect(cards(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('says what happened and what to do when the server cannot be reached', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${UNREACHABLE}></ido-locator>`);
      await search(el, '3511 AB');
      expect(status(el)).to.equal('Bezig met zoeken…');
      await waitUntil(() => problem(el), 'no problem shown', { timeout: 20_000 });
      expect(problem(el)).to.contain('Er is geen verbinding. Controleer of u internet heeft. Probeer het daarna opnieuw.');
      const retry = $$<HTMLButtonElement>(el, '[role="alert"] button')[0];
      expect(text(retry)).to.equal('Probeer opnieuw');
      expect(status(el)).to.equal('');
      await expect(el).to.be.accessible();
      el.api = API;
      retry.click();
      await results(el);
      expect(problem(el)).to.equal('');
    });

    it('explains a refused location and puts focus on the field', async () => {
      const stub = stubGeolocation((_ok, fail) => setTimeout(() => fail(positionError(1)), 10));
      try {
        const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
        $<HTMLButtonElement>(el, '[part="location-button"]')!.click();
        await el.updateComplete;
        expect(status(el)).to.equal('Bezig met het zoeken van uw locatie…');
        await waitUntil(() => problem(el), 'no explanation shown');
        await el.updateComplete;
        expect(problem(el)).to.contain('U heeft uw locatie niet gedeeld. Vul uw postcode in.');
        expect(root(el).activeElement).to.equal(input(el));
        expect(input(el).getAttribute('aria-describedby')).to.contain('problem');
        await expect(el).to.be.accessible();
      } finally {
        stub.restore();
      }
    });
  });

  describe('my location', () => {
    it('asks for the location only after the click, then searches near it', async () => {
      const stub = stubGeolocation((ok) =>
        setTimeout(() => ok({ coords: { latitude: 52.09123, longitude: 5.11834 }, timestamp: Date.now() } as GeolocationPosition), 10),
      );
      try {
        const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
        expect(stub.calls.count).to.equal(0);
        $<HTMLButtonElement>(el, '[part="location-button"]')!.click();
        await results(el);
        expect(stub.calls.count).to.equal(1);
        expect(status(el)).to.match(/informatiepunten? gevonden bij uw locatie$/);
        // Only a rounded position leaves the browser.
        const calls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('near='));
        expect(decodeURIComponent(calls[calls.length - 1].name)).to.contain('near=52.091,5.118');
      } finally {
        stub.restore();
      }
    });
  });

  describe('ido-location-select', () => {
    it("fires on the visitor's click (bubbling, composed) with the location, never on its own", async () => {
      const seen: Event[] = [];
      const listener = (event: Event) => seen.push(event);
      document.addEventListener('ido-location-select', listener);
      try {
        const el = await fixture<IdoLocator>(html`<ido-locator api=${API} postcode="3511 AB" selectable></ido-locator>`);
        await results(el);
        expect(seen, 'no event for a search').to.have.length(0);
        const name = text(cards(el)[0].querySelector('h3')).replace(/^\d+\s*/, '');
        const choose = cards(el)[0].querySelector<HTMLButtonElement>('.actions button')!;
        expect(text(choose)).to.equal('Kies dit informatiepunt');
        setTimeout(() => choose.click());
        const event = await oneEvent(el, 'ido-location-select');
        expect(event.detail.name).to.equal(name);
        expect(event.detail.coordinates).to.have.keys(['lat', 'lon']);
        expect(event.bubbles).to.equal(true);
        expect(event.composed).to.equal(true);
        expect(seen).to.have.length(1);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('ido-location-select', listener);
      }
    });

    it('shows no choose button without `selectable`', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API} postcode="3511 AB"></ido-locator>`);
      await results(el);
      expect(root(el).querySelectorAll('.actions button')).to.have.length(0);
    });
  });

  describe('language', () => {
    it('speaks English with lang="en" and switches back', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API} lang="en"></ido-locator>`);
      expect(text($(el, 'h2'))).to.equal('Find a Digital Government Information Point');
      expect(text($(el, 'label'))).to.equal('Your postcode');
      expect($(el, '.locator')!.getAttribute('lang')).to.equal('en');
      await search(el, 'nope!');
      expect(text($(el, '#postcode-error'))).to.contain('Enter a postcode, for example 3511 AB');
      await search(el, '3511 AB');
      await results(el);
      expect(status(el)).to.match(/^\d+ information points found near 3511 AB$/);
      const first = cards(el)[0];
      expect(text(first.querySelector('.state'))).to.match(/^(Open now|Closed)/);
      expect(text(first)).to.contain('Plan a route');
      await expect(el).to.be.accessible();

      el.lang = 'nl';
      await el.updateComplete;
      expect(text($(el, 'h2'))).to.equal('Vind een Informatiepunt Digitale Overheid');
      expect(status(el)).to.match(/informatiepunten gevonden bij 3511 AB$/);
      expect(text(cards(el)[0].querySelector('.state'))).to.match(/^(Nu open|Gesloten)/);
    });
  });

  describe('privacy and the map', () => {
    it('makes no request to a third party without `map`', async () => {
      const before = performance.getEntriesByType('resource').length;
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API}></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);
      cards(el)[0].querySelector<HTMLButtonElement>('button[aria-controls]')!.click();
      await el.updateComplete;
      const allowed = new Set([location.origin, new URL(API).origin]);
      const entries = performance.getEntriesByType('resource').slice(before) as PerformanceResourceTiming[];
      expect(
        entries.some((e) => e.name.startsWith(`${API}/api/v1/public/locations`)),
        'the search itself is seen',
      ).to.equal(true);
      const origins = new Set(entries.map((e) => new URL(e.name).origin));
      expect([...origins].filter((origin) => !allowed.has(origin))).to.deep.equal([]);
      expect(root(el).querySelector('.leaflet-container, [part="map"]')).to.equal(null);
      expect([...origins].some((o) => o.includes('pdok'))).to.equal(false);
    });

    it('with `map`, loads the map below the list, numbered like the list', async () => {
      const el = await fixture<IdoLocator>(html`<ido-locator api=${API} map></ido-locator>`);
      await search(el, '3511 AB');
      await results(el);
      await waitUntil(() => $(el, '.leaflet-container .map-marker'), 'no map', { timeout: 15_000 });
      const map = $(el, '[part="map"]')!;
      const list = $(el, '[part="results"]')!;
      expect(list.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING, 'map after the list').to.not.equal(0);
      const markers = $$(el, '.map-marker');
      expect(markers.map((m) => text(m))).to.deep.equal(cards(el).map((_, i) => String(i + 1)));
      expect(markers[0].getAttribute('aria-label')).to.equal(`1. ${text(cards(el)[0].querySelector('h3')).replace(/^\d+\s*/, '')}`);
      expect(text($(el, '.leaflet-control-attribution'))).to.contain('Kaartgegevens © Kadaster');
      const tile = $<HTMLImageElement>(el, 'img.leaflet-tile');
      if (tile)
        expect(tile.src).to.match(
          /^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\/wmts\/v2_0\/standaard\/EPSG:3857\/\d+\/\d+\/\d+\.png$/,
        );

      markers[1].dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await el.updateComplete;
      expect(root(el).activeElement).to.equal($(el, '#loc-1-name'));
      await expect(el).to.be.accessible();
    });
  });
});

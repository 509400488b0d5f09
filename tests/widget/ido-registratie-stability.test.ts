/**
 * `<ido-registratie>` at a busy desk (ux.md, "Stability at the desk"), in real Chromium against the
 * test server: chips that keep their places across registrations, reloads and browsers; a
 * Registreer button that does not move (and a page without layout shift) during a registration;
 * the sending state with a slow server; the confirmation's lifecycle; a key refused at load; the
 * search keys; the details in titled groups; labels with their own capitals in confirmations.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widget/index.js';
import type { IdoRegistratie } from '../../widget/ido-registratie/ido-registratie.js';
import type { IdoQueuedEvent } from '../../widget/ido-registratie/events.js';
import { addDays } from '../../sdk/amsterdam-time.js';
import { amsterdamParts } from '../../sdk/opening-hours.js';
import { setTimer, type Timer } from '../../widget/shared/clock.js';
import { topTopics, usageWeights } from '../../widget/ido-registratie/topic-search.js';
import { testNow } from './server-clock.js';
import {
  $,
  $$,
  UNREACHABLE,
  api,
  attach,
  buttonNamed,
  chips,
  chooseChip,
  forgetBrowser,
  mount,
  notice,
  register,
  rows,
  search,
  server,
  submitButton,
  text,
} from './registratie-page.js';

const today = () => amsterdamParts(testNow()).date;

/** The chips the desk should show: its counts of the last 90 days up to yesterday, ranked as topic-search.ts does. */
async function expectedChips(count: number): Promise<string[]> {
  const day = today();
  const summary = await api.reports.summary({
    groupBy: 'topic',
    locationId: server.locationId,
    from: addDays(day, -90),
    to: addDays(day, -1),
  });
  const { topics } = await api.taxonomy.get({ lang: 'nl' });
  return topTopics(topics, usageWeights(new Map(summary.groups.map((g) => [g.key, g.questions]))), count).map((t) => t.label);
}

/** Today's questions per topic at the desk, as the server counts them. */
async function todaysCounts(): Promise<Map<string, number>> {
  const summary = await api.reports.summary({ groupBy: 'topic', locationId: server.locationId, from: today(), to: today() });
  return new Map(summary.groups.map((g) => [g.key, g.questions]));
}

/** Until the recent list and the look-up panel have settled (nothing loading). */
async function settled(el: IdoRegistratie) {
  await waitUntil(() => !/Laden/.test(text($(el, '[part="recent"]'))) && !/laden/.test(text($(el, '[part="lookup"]'))), 'still loading', {
    timeout: 10_000,
  });
  await el.updateComplete;
}

/** Every layout shift on the page from now on (`hadRecentInput` ones too: stricter than CLS). */
function watchLayoutShifts() {
  const shifts: { value: number; sources: string[] }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    })[]) {
      shifts.push({
        value: entry.value,
        sources: (entry.sources ?? []).map((s) => {
          const node =
            s.node instanceof Element
              ? `${s.node.localName}.${s.node.className}`
              : s.node
                ? `${s.node.nodeName} in ${s.node.parentElement?.localName}.${s.node.parentElement?.className}: ${s.node.textContent?.slice(0, 30)}`
                : 'gone';
          return `${node} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`;
        }),
      });
    }
  });
  observer.observe({ type: 'layout-shift' });
  return {
    /** The shifts so far, after the browser delivered what it has. */
    async stop() {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      shifts.push(...(observer.takeRecords() as (PerformanceEntry & { value: number })[]).map((e) => ({ value: e.value, sources: [] })));
      observer.disconnect();
      return shifts;
    },
  };
}

const position = (el: Element) => {
  const { x, y } = el.getBoundingClientRect();
  return { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
};

/** A `fetch` that holds every POST to the registrations until `release()`; the rest goes through. */
function holdRegistrations() {
  const realFetch = window.fetch;
  const held: (() => void)[] = [];
  let posts = 0;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.method === 'POST' && /\/api\/v1\/registrations/.test(request.url)) {
      posts++;
      return new Promise<Response>((resolve, reject) => held.push(() => realFetch(request).then(resolve, reject)));
    }
    return realFetch(input, init);
  };
  return {
    get posts() {
      return posts;
    },
    get waiting() {
      return held.length;
    },
    release() {
      for (const go of held.splice(0)) go();
    },
    restore() {
      this.release();
      window.fetch = realFetch;
    },
  };
}

/** A timer the test runs by hand: `fire()` ends every delay that was started. */
function manualTimer() {
  const pending = new Set<() => void>();
  const timer: Timer = (_ms, fn) => {
    pending.add(fn);
    return () => pending.delete(fn);
  };
  return {
    timer,
    get pending() {
      return pending.size;
    },
    fire() {
      const due = [...pending];
      pending.clear();
      for (const fn of due) fn();
    },
  };
}

beforeEach(forgetBrowser);
afterEach(async () => {
  setTimer();
  await setViewport({ width: 800, height: 600 });
});

describe('<ido-registratie> at a busy desk', () => {
  describe('chips', () => {
    it('keep their order across registrations, a reload and another browser: the counts up to yesterday, ties by label', async function () {
      this.timeout(60_000);
      const el = await mount();
      const before = chips(el).map(text);
      expect(before.length).to.be.within(6, 8);
      expect(before).to.deep.equal(await expectedChips(before.length));

      // Three visits on the last chip, and two on a topic that is not a chip: today it is this
      // desk's commonest, and still nothing moves.
      const last = before.length - 1;
      for (let i = 0; i < 3; i++) {
        await chooseChip(el, last);
        await register(el);
        await waitUntil(() => notice(el).startsWith('Geregistreerd'), 'no confirmation');
        expect(chips(el).map(text), `after visit ${i + 1}`).to.deep.equal(before);
      }
      const { topics } = await api.taxonomy.get({ lang: 'nl' });
      const other = topics.find((t) => !before.includes(t.label) && !t.parent)!;
      for (let i = 0; i < 2; i++) {
        search(el).focus();
        await sendKeys({ type: other.label });
        await el.updateComplete;
        $(el, `#option-${other.code}`)!.click();
        await el.updateComplete;
        expect(text($(el, '#chosen-topic'))).to.equal(`Gekozen: ${other.label}`);
        await register(el);
        await waitUntil(() => notice(el).startsWith('Geregistreerd'), 'no confirmation');
      }
      expect(chips(el).map(text)).to.deep.equal(before);
      expect((await todaysCounts()).get(other.code)).to.be.at.least(2);

      // A reload in this browser, and the same desk in a browser that never registered.
      el.remove();
      const reloaded = await mount();
      expect(chips(reloaded).map(text), 'after a reload').to.deep.equal(before);
      reloaded.remove();
      await forgetBrowser();
      const elsewhere = await mount();
      expect(chips(elsewhere).map(text), 'in another browser').to.deep.equal(before);
    });
  });

  describe('no layout shift', () => {
    for (const width of [1280, 320]) {
      it(`keeps Registreer in place and the page without layout shift at ${width} px: choosing a topic, registering, the confirmation`, async function () {
        this.timeout(60_000);
        await setViewport({ width, height: 900 });
        const el = await mount();
        await settled(el);
        const shifts = watchLayoutShifts();
        const start = position(submitButton(el));

        // A topic with agencies: the summary line gets longer, and stays one line high.
        const { topics } = await api.taxonomy.get({ lang: 'nl' });
        const index = chips(el).findIndex((c) => (topics.find((t) => t.label === text(c))?.agencies.length ?? 0) > 0);
        expect(index, 'a chip whose topic suggests an agency').to.be.at.least(0);
        await chooseChip(el, index);
        await settled(el);
        expect(position(submitButton(el)), 'after choosing a topic').to.deep.equal(start);

        const registered = await register(el);
        await waitUntil(() => notice(el).startsWith('Geregistreerd'), 'no confirmation');
        await waitUntil(() => $(el, `[data-delete="${registered.detail.id}"]`), 'not in the list');
        await settled(el);
        expect(position(submitButton(el)), 'after registering').to.deep.equal(start);

        const found = await shifts.stop();
        if (width === 1280) {
          expect(
            found.reduce((sum, s) => sum + s.value, 0),
            `layout shifts: ${JSON.stringify(found)}`,
          ).to.equal(0);
        }
      });
    }

    it('keeps Registreer in place when the server cannot be reached: the banner and the queued confirmation take no room', async function () {
      this.timeout(60_000);
      await setViewport({ width: 1280, height: 900 });
      (await mount()).remove(); // this browser gets its copy of the value lists and counts
      const el = await mount({ api: UNREACHABLE });
      await settled(el);
      const shifts = watchLayoutShifts();
      const start = position(submitButton(el));
      for (let i = 0; i < 2; i++) {
        await chooseChip(el, i);
        const queued = oneEvent(el, 'ido-queued');
        submitButton(el).click();
        await queued;
        await waitUntil(() => notice(el).startsWith('Bewaard op deze computer'), 'no queued notice');
        await waitUntil(() => /Geen verbinding/.test(text($(el, '[part="banner"]'))), 'no banner');
        await settled(el);
        expect(position(submitButton(el)), `after queued visit ${i + 1}`).to.deep.equal(start);
      }
      const found = await shifts.stop();
      expect(
        found.reduce((sum, s) => sum + s.value, 0),
        `layout shifts: ${JSON.stringify(found)}`,
      ).to.equal(0);
    });
  });

  describe('sending', () => {
    it('is disabled and aria-busy at once, says "Bezig…" after 300 ms, and a double press stores one visit', async () => {
      const timers = manualTimer();
      setTimer(timers.timer);
      const hold = holdRegistrations();
      try {
        const el = await mount();
        await chooseChip(el, 0);
        const registered = oneEvent(el, 'ido-registered');
        const button = submitButton(el);
        // Two presses in the same moment, then Enter in the form while the first is on its way.
        button.click();
        button.click();
        await el.updateComplete;
        await waitUntil(() => hold.waiting === 1, 'the registration was not sent');
        expect(button.disabled).to.be.true;
        expect(button.getAttribute('aria-busy')).to.equal('true');
        expect(text(button), 'not before 300 ms').to.equal('Registreer');
        $<HTMLFormElement>(el, 'form[part="form"]')!.requestSubmit();
        await el.updateComplete;
        await expect(el).to.be.accessible();

        timers.fire();
        await el.updateComplete;
        expect(text(button)).to.equal('Bezig…');
        expect(hold.posts).to.equal(1);

        hold.release();
        const { detail } = await registered;
        await waitUntil(() => !button.disabled, 'still disabled');
        expect(text(button)).to.equal('Registreer');
        expect(button.getAttribute('aria-busy')).to.equal('false');
        expect(hold.posts, 'one request for two presses and an Enter').to.equal(1);
        const stored = await api.registrations.list({ locationId: server.locationId, from: today(), limit: 200 });
        expect(stored.items.filter((r) => r.id === detail.id)).to.have.length(1);
        expect(timers.pending, 'the delay was cancelled or ran').to.equal(0);
      } finally {
        hold.restore();
      }
    });

    it('never says "Bezig…" when the server answers within 300 ms', async () => {
      const timers = manualTimer();
      setTimer(timers.timer);
      const el = await mount();
      await chooseChip(el, 0);
      const labels: string[] = [];
      const observer = new MutationObserver(() => labels.push(text(submitButton(el))));
      observer.observe(submitButton(el), { childList: true, characterData: true, subtree: true });
      await register(el);
      await waitUntil(() => !submitButton(el).disabled, 'still disabled');
      observer.disconnect();
      expect(labels).to.not.include('Bezig…');
      expect(timers.pending, 'the delay was cancelled').to.equal(0);
    });
  });

  describe('the confirmation', () => {
    it('goes away when the next visit starts (a chip, typing) and when the next one is refused, so "Ongedaan maken" never undoes the wrong visit', async () => {
      const el = await mount();
      await chooseChip(el, 0);
      await register(el);
      await waitUntil(() => buttonNamed(el, 'Ongedaan maken'), 'no undo');
      await chooseChip(el, 1);
      expect(notice(el), 'after choosing the next topic').to.equal('');
      expect(buttonNamed(el, 'Ongedaan maken')).to.be.undefined;

      await register(el);
      await waitUntil(() => buttonNamed(el, 'Ongedaan maken'), 'no undo');
      search(el).focus();
      await sendKeys({ type: 'h' });
      await el.updateComplete;
      expect(buttonNamed(el, 'Ongedaan maken'), 'after typing').to.be.undefined;
      search(el).value = '';
      search(el).dispatchEvent(new InputEvent('input'));

      // Registered, then the same visit again ("Zelfde als vorige"), which the server refuses.
      await chooseChip(el, 2);
      await register(el);
      await waitUntil(() => buttonNamed(el, 'Ongedaan maken'), 'no undo');
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (request.method !== 'POST') return realFetch(input, init);
        return Promise.resolve(
          new Response(JSON.stringify({ type: 'about:blank', title: 'Verboden', status: 403, detail: 'Niet toegestaan.' }), {
            status: 403,
            headers: { 'Content-Type': 'application/problem+json' },
          }),
        );
      };
      try {
        buttonNamed(el, 'Zelfde als vorige').click();
        await el.updateComplete;
        const failed = oneEvent(el, 'ido-error');
        submitButton(el).click();
        await failed;
        await el.updateComplete;
        expect(buttonNamed(el, 'Ongedaan maken'), 'after a refusal').to.be.undefined;
        expect(text($(el, '#form-error')).length).to.be.greaterThan(10);
      } finally {
        window.fetch = realFetch;
      }

      // Nothing chosen: the form asks for a topic, and says nothing about the last visit.
      await chooseChip(el, 0);
      await register(el);
      await waitUntil(() => buttonNamed(el, 'Ongedaan maken'), 'no undo');
      submitButton(el).click();
      await waitUntil(() => text($(el, '#topic-error')) === 'Kies een onderwerp.', 'no topic error');
      expect(buttonNamed(el, 'Ongedaan maken'), 'after the form refused').to.be.undefined;
    });

    it('names the topics with the capitals of their labels', async () => {
      const el = await mount();
      const { topics } = await api.taxonomy.get({ lang: 'nl' });
      const label = (code: string) => topics.find((t) => t.code === code)!.label;
      search(el).focus();
      await sendKeys({ type: label('werk-uitkering') });
      await sendKeys({ press: 'Enter' });
      buttonNamed(el, '+ Nog een vraag').click();
      await el.updateComplete;
      await sendKeys({ type: label('digid-activeren') });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await register(el);
      await waitUntil(() => notice(el).startsWith('Geregistreerd'), 'no confirmation');
      expect(notice(el)).to.match(new RegExp(`^Geregistreerd: ${label('werk-uitkering')} en ${label('digid-activeren')}, \\d\\d:\\d\\d$`));
      await waitUntil(
        () => rows(el).some((r) => text(r).includes(`${label('werk-uitkering')} en ${label('digid-activeren')}`)),
        'the row reads differently',
      );
    });
  });

  describe('the desk key', () => {
    it('says when the element loads that the key does not work on this website, in place of the form', async () => {
      // The value lists may come from the browser's cache without asking the server: the key is checked anyway.
      (await mount()).remove();
      const desk = await attach({ key: server.foreignDeskKey });
      await waitUntil(() => /werkt niet op deze website/.test(text($(desk, '.error'))), 'no message at load', { timeout: 10_000 });
      expect($(desk, '.error')!.getAttribute('role')).to.equal('alert');
      expect($(desk, '[part="form"]'), 'no form').to.be.null;
      expect(chips(desk)).to.have.length(0);
      await expect(desk).to.be.accessible();
    });

    it('says that a key does not exist, at load', async () => {
      const desk = await attach({ key: 'ido_dk_not_a_real_key' });
      await waitUntil(() => /bestaat niet of is ingetrokken/.test(text($(desk, '.error'))), 'no message', { timeout: 10_000 });
      expect($(desk, '[part="form"]')).to.be.null;
    });
  });

  describe('search keys', () => {
    it('highlights nothing until the first arrow key; ArrowDown + Enter and Enter alone pick the first match', async () => {
      const el = await mount();
      search(el).focus();
      await sendKeys({ type: 'belasting' });
      await el.updateComplete;
      const options = $$(el, '[role="option"]');
      expect(options.length).to.be.greaterThan(1);
      const first = text(options[0]);
      expect(options.filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(0);
      expect(search(el).hasAttribute('aria-activedescendant')).to.be.false;

      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(search(el).getAttribute('aria-activedescendant')).to.equal(options[0].id);
      expect($(el, `#${options[0].id}`)!.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text($(el, '#chosen-topic'))).to.equal(`Gekozen: ${first.replace(/ onder .*$/, '')}`);

      await sendKeys({ type: 'belasting' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text($(el, '#chosen-topic'))).to.equal(`Gekozen: ${first.replace(/ onder .*$/, '')}`);

      // ArrowUp first: the last match.
      await sendKeys({ type: 'belasting' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      const all = $$(el, '[role="option"]');
      expect(search(el).getAttribute('aria-activedescendant')).to.equal(all[all.length - 1].id);
      await expect(el).to.be.accessible();
    });
  });

  describe('details', () => {
    it('are grouped: "Bezoek" for the whole visit, "Vraag 2: …" for the question; the time goes back with clear words', async () => {
      const el = await mount();
      await chooseChip(el, 0);
      const first = text(chips(el)[0]);
      buttonNamed(el, '+ Nog een vraag').click();
      await el.updateComplete;
      await chooseChip(el, 1);
      const second = text(chips(el)[1]);
      $<HTMLButtonElement>(el, '[part="summary"]')!.click();
      await waitUntil(() => $$(el, '#details fieldset.group').length === 2, 'no groups', { timeout: 10_000 });
      const [visit, question] = $$(el, '#details fieldset.group');
      expect(text(visit.querySelector('legend'))).to.equal('Bezoek');
      expect(visit.querySelector('input[name="channel"]')).to.exist;
      expect(visit.querySelector('#note')).to.exist;
      expect(text(question.querySelector('legend'))).to.equal(`Vraag 2: ${second.replace(/^✓\s*/, '')}`);
      expect(question.querySelector('input[name="digid"]')).to.exist;
      expect(first).to.not.equal('');
      await expect(el).to.be.accessible();

      buttonNamed(el, 'Eerder vandaag').click();
      await el.updateComplete;
      const back = buttonNamed(el, 'Gebruik de tijd van nu');
      expect(back).to.exist;
      back.click();
      await el.updateComplete;
      expect($(el, '#time')).to.be.null;
    });
  });
});

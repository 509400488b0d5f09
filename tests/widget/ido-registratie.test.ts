/**
 * `<ido-registratie>` in real Chromium against a real IDO server (in-memory PGlite with the demo
 * data, started by web-test-runner.config.mjs): rendering, quick entry and search, the keyboard
 * flow, details and defaults, validation (personal data), referral, recent list with correction
 * and deletion, events, offline queue with reload and flush, location choice, language; and
 * axe in every state.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widget/index.js';
import type { IdoRegistratie } from '../../widget/ido-registratie/ido-registratie.js';
import type { IdoErrorEvent, IdoQueuedEvent, IdoRegisteredEvent } from '../../widget/ido-registratie/events.js';
import { isIdoHttpError } from '../../sdk/errors.js';
import { amsterdamParts } from '../../sdk/opening-hours.js';
import { rememberedCounts } from '../../widget/ido-registratie/desk-location.js';
import { topTopics, usageWeights } from '../../widget/ido-registratie/topic-search.js';
import './server-clock.js';
import {
  $,
  $$,
  UNREACHABLE,
  api,
  banner,
  buttonNamed,
  chips,
  chooseChip,
  focused,
  forgetBrowser,
  mount,
  notice,
  register,
  root,
  rows,
  search,
  server,
  submitButton,
  text,
} from './registratie-page.js';

/** Resolves true when `event` fires within `ms`, false otherwise. */
async function fires(el: IdoRegistratie, event: string, ms = 1500) {
  let fired = false;
  const listener = () => (fired = true);
  el.addEventListener(event, listener);
  await aTimeout(ms);
  el.removeEventListener(event, listener);
  return fired;
}

/** The chips the desk ranks from these counts (widget/ido-registratie/topic-search.ts). */
async function chipLabels(counts: [string, number][], count: number): Promise<string[]> {
  const { topics } = await api.taxonomy.get({ lang: 'nl' });
  return topTopics(topics, usageWeights(new Map(counts)), count).map((t) => t.label);
}

async function registeredIds(): Promise<string[]> {
  const { items } = await api.registrations.list({ locationId: server.locationId, limit: 200 });
  return items.map((r) => r.id);
}

beforeEach(forgetBrowser);

describe('<ido-registratie>', () => {
  it('is defined once, and a second load of the script is harmless', async () => {
    const first = customElements.get('ido-registratie');
    expect(first).to.exist;
    await import(`../../widget/index.ts?second-load=${Date.now()}`);
    expect(customElements.get('ido-registratie')).to.equal(first);
    expect(customElements.get('ido-locator')).to.exist;
    expect(customElements.get('ido-rapportage')).to.exist;
  });

  it('renders the empty form: chips, a search combobox, the defaults in one line, one Registreer button', async () => {
    const el = await mount();
    expect(text($(el, 'h2'))).to.equal('Registreer een bezoek');
    expect(chips(el).length).to.be.within(6, 8);
    expect(chips(el).every((c) => c.getAttribute('aria-pressed') === 'false')).to.be.true;
    const input = search(el);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    const summary = $(el, '[part="summary"]')!;
    expect(summary.getAttribute('aria-expanded')).to.equal('false');
    expect(text(summary)).to.contain('Balie · 5–15 min · hulp bij digitaal contact · nu');
    expect($(el, '#details')!.hidden).to.be.true;
    expect(text(submitButton(el))).to.equal('Registreer');
    expect(text($(el, '[part="lookup"]'))).to.contain('Kies een onderwerp');
    await waitUntil(() => !/Laden/.test(text($(el, '[part="recent"]'))), 'recent list did not load');
    await expect(el).to.be.accessible();
  });

  it('registers the commonest visit in two interactions: a chip, then Registreer', async () => {
    const el = await mount();
    const chip = await chooseChip(el, 0);
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    const label = text(chip).replace(/^✓\s*/, '');
    await expect(el).to.be.accessible();

    const { detail } = await register(el);
    expect(detail.id).to.be.a('string');
    expect(detail.locationId).to.equal(server.locationId);
    expect(detail.channel).to.equal('balie');
    expect(detail.duration).to.equal('5-15');
    expect(detail.questions).to.have.length(1);
    expect(detail.questions[0].help).to.deep.equal(['digitaal-contact']);
    expect(detail.questions[0].topic).to.be.a('string');

    await waitUntil(() => notice(el).startsWith('Geregistreerd:'), 'no confirmation');
    expect(notice(el).toLowerCase()).to.contain(label.toLowerCase());
    expect(notice(el)).to.match(/, \d\d:\d\d$/);
    expect(buttonNamed(el, 'Ongedaan maken')).to.exist;
    // The form is back at its defaults, ready for the next visitor.
    expect(focused(el)).to.equal(search(el));
    expect(chips(el).every((c) => c.getAttribute('aria-pressed') === 'false')).to.be.true;
    await waitUntil(() => rows(el).some((r) => r.textContent!.toLowerCase().includes(label.toLowerCase())), 'not in the recent list');
    expect(await registeredIds()).to.include(detail.id);
  });

  it('fires ido-registered as a bubbling, composed event outside the shadow root', async () => {
    const el = await mount();
    await chooseChip(el, 1);
    const outside = oneEvent(document, 'ido-registered');
    submitButton(el).click();
    const event = (await outside) as IdoRegisteredEvent;
    expect(event.bubbles).to.be.true;
    expect(event.composed).to.be.true;
    expect(event.detail.createdAt).to.be.a('string');
  });

  it('finds huurtoeslag when you type "huur" and press Enter', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'huur' });
    await el.updateComplete;
    const options = $$(el, '[role="option"]');
    expect(options.length).to.be.greaterThan(1);
    expect(text(options[0])).to.match(/^Huurtoeslag/);
    expect(search(el).getAttribute('aria-expanded')).to.equal('true');
    // Nothing highlighted before an arrow key; Enter takes the first match, as the hint says.
    expect(search(el).hasAttribute('aria-activedescendant')).to.be.false;
    expect(text($(el, '#search-hint'))).to.contain('Enter kiest het eerste onderwerp');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, '#chosen-topic'))).to.equal('Gekozen: Huurtoeslag');
    expect(search(el).value).to.equal('');
    expect(search(el).getAttribute('aria-expanded')).to.equal('false');
    // The look-up panel shows the official links and the partners for the topic.
    expect(text($(el, '[part="lookup"] h3'))).to.equal('Over huurtoeslag');
    expect($$(el, '[part="lookup"] .links a').length).to.be.greaterThan(0);
  });

  it('finds topics by keyword, and says so when nothing matches', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'rijexamen' });
    await el.updateComplete;
    expect(text($(el, '[role="option"]'))).to.match(/^Rijbewijs en voertuig/);
    search(el).select();
    await sendKeys({ type: 'xyzzy' });
    await el.updateComplete;
    expect($$(el, '[role="option"]')).to.have.length(0);
    expect(text(root(el).querySelector('.search-field [role="status"]'))).to.contain('Geen onderwerp gevonden');
    // Enter with nothing to choose does not register.
    expect(
      await (async () => {
        const fired = fires(el, 'ido-registered', 800);
        await sendKeys({ press: 'Enter' });
        return fired;
      })(),
    ).to.be.false;
  });

  it('works with the keyboard alone: type, arrows, Enter to choose, Enter to register', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'digid' });
    await el.updateComplete;
    expect(search(el).hasAttribute('aria-activedescendant')).to.be.false;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const first = search(el).getAttribute('aria-activedescendant');
    expect(first).to.equal($$(el, '[role="option"]')[0].id);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const second = search(el).getAttribute('aria-activedescendant');
    expect(second).to.not.equal(first);
    expect($(el, `#${second}`)!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(search(el).getAttribute('aria-activedescendant')).to.equal(first);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(search(el).getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(search(el).getAttribute('aria-activedescendant')).to.equal(first);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const chosen = first!.replace('option-', '');

    const registered = oneEvent(el, 'ido-registered');
    await sendKeys({ press: 'Enter' });
    const { detail } = await registered;
    expect(detail.questions[0].topic).to.equal(chosen);
    await el.updateComplete;
    expect(focused(el)).to.equal(search(el));

    // The details open from the keyboard too, and Tab reaches Registreer.
    const summary = $<HTMLButtonElement>(el, '[part="summary"]')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(summary.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#details')!.hidden).to.be.false;
  });

  it('asks for a topic when none is chosen, next to the field, and moves focus there', async () => {
    const el = await mount();
    submitButton(el).click();
    await el.updateComplete;
    await aTimeout(0);
    const input = search(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('topic-error');
    expect(text($(el, '#topic-error'))).to.equal('Kies een onderwerp.');
    expect(focused(el)).to.equal(input);
    await expect(el).to.be.accessible();
    await chooseChip(el, 0);
    expect($(el, '#topic-error')).to.be.null;
  });

  it('warns about personal data in the note while typing, and will not send it', async () => {
    const el = await mount();
    await chooseChip(el, 0);
    $<HTMLButtonElement>(el, '[part="summary"]')!.click();
    await el.updateComplete;
    const note = $<HTMLTextAreaElement>(el, '#note')!;
    note.focus();
    await sendKeys({ type: 'Bel haar terug op 06-12345678' });
    await waitUntil(() => note.getAttribute('aria-invalid') === 'true', 'no warning while typing', { timeout: 3000 });
    expect(text($(el, '#note-error'))).to.equal(
      'Deze notitie bevat een telefoonnummer. Haal dat weg: persoonsgegevens mogen niet in de registratie.',
    );
    expect(note.getAttribute('aria-describedby')!.split(' ')).to.include('note-error');
    await expect(el).to.be.accessible();

    submitButton(el).click();
    expect(await fires(el, 'ido-registered')).to.be.false;
    expect(focused(el)).to.equal(note);

    note.select();
    await sendKeys({ type: 'Uitleg gegeven over de aanvraag' });
    await waitUntil(() => !note.hasAttribute('aria-invalid'), 'the warning stayed');
    const { detail } = await register(el);
    expect(detail.note).to.equal('Uitleg gegeven over de aanvraag');
  });

  it('keeps the details this desk used last time as the next defaults', async () => {
    const el = await mount();
    await chooseChip(el, 0);
    $<HTMLButtonElement>(el, '[part="summary"]')!.click();
    await el.updateComplete;
    $<HTMLInputElement>(el, 'input[name="channel"][value="telefoon"]')!.click();
    $<HTMLInputElement>(el, 'input[name="duration"][value="15-30"]')!.click();
    $<HTMLInputElement>(el, 'input[name="digid"][value="ja"]')!.click();
    await el.updateComplete;
    expect(text($(el, '[part="summary"]'))).to.contain('Telefoon · 15–30 min');
    expect(text($(el, '[part="summary"]'))).to.contain('DigiD: ja');
    await expect(el).to.be.accessible();
    const { detail } = await register(el);
    expect(detail.channel).to.equal('telefoon');
    expect(detail.duration).to.equal('15-30');
    expect(detail.questions[0].digid).to.equal('ja');
    await el.updateComplete;
    expect(text($(el, '[part="summary"]'))).to.contain('Telefoon · 15–30 min');
    expect($(el, '#details')!.hidden).to.be.true;

    // Also after a reload.
    el.remove();
    const again = await mount();
    expect(text($(again, '[part="summary"]'))).to.contain('Telefoon · 15–30 min');
  });

  it('backdates a visit to earlier today in one step', async () => {
    const el = await mount();
    await chooseChip(el, 0);
    buttonNamed(el, 'Eerder vandaag').click();
    await el.updateComplete;
    const time = $<HTMLInputElement>(el, '#time')!;
    expect(focused(el)).to.equal(time);
    time.value = '00:01';
    time.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text($(el, '[part="summary"]'))).to.contain('om 00:01');
    const { detail } = await register(el);
    expect(amsterdamParts(new Date(detail.occurredAt)).time).to.equal('00:01');
  });

  it('adds a question to the same visit, and repeats the previous visit', async () => {
    const el = await mount();
    await chooseChip(el, 0);
    buttonNamed(el, '+ Nog een vraag').click();
    await el.updateComplete;
    expect(focused(el)).to.equal(search(el));
    expect($$(el, '.questions li')).to.have.length(2);
    await chooseChip(el, 1);
    await expect(el).to.be.accessible();
    const { detail } = await register(el);
    expect(detail.questions.map((q) => q.topic)).to.have.length(2);
    await el.updateComplete;

    buttonNamed(el, 'Zelfde als vorige').click();
    await el.updateComplete;
    await aTimeout(0);
    expect(focused(el)).to.equal(submitButton(el));
    const repeated = await register(el);
    expect(repeated.detail.questions.map((q) => q.topic)).to.deep.equal(detail.questions.map((q) => q.topic));
    expect(repeated.detail.id).to.not.equal(detail.id);
  });

  it('registers a warm referral to a partner for the topic, with help "doorverwijzing"', async () => {
    const el = await mount();
    search(el).focus();
    await sendKeys({ type: 'huurtoeslag' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '[part="lookup"] .partner').length > 0, 'no partners shown', { timeout: 10_000 });
    const partner = $(el, '[part="lookup"] .partner')!;
    const warm = [...partner.querySelectorAll('button')].find((b) => /^Warm doorverwezen/.test(text(b)))!;
    warm.click();
    await el.updateComplete;
    expect(warm.getAttribute('aria-pressed')).to.equal('true');
    expect(text($(el, '[part="summary"]'))).to.contain('doorverwezen naar');
    await expect(el).to.be.accessible();
    const { detail } = await register(el);
    expect(detail.questions[0].referral?.warm).to.equal(true);
    expect(detail.questions[0].referral?.partnerId).to.be.a('string');
    expect(detail.questions[0].help).to.include('doorverwijzing');
  });

  it('takes a registration back with "Ongedaan maken"', async () => {
    const el = await mount();
    await chooseChip(el, 2);
    const { detail } = await register(el);
    await waitUntil(() => buttonNamed(el, 'Ongedaan maken'), 'no undo');
    buttonNamed(el, 'Ongedaan maken').click();
    await waitUntil(() => notice(el).startsWith('Ongedaan gemaakt'), 'not undone');
    expect(focused(el)).to.equal(search(el));
    const gone = await api.registrations.get(detail.id).catch((e: unknown) => e);
    expect(isIdoHttpError(gone) && gone.status).to.equal(404);
  });

  it("lists today's visits newest first, and corrects and deletes them", async () => {
    const el = await mount();
    await chooseChip(el, 0);
    const first = (await register(el)).detail;
    await chooseChip(el, 1);
    const second = (await register(el)).detail;
    const position = (id: string) => rows(el).findIndex((r) => r.querySelector(`[data-delete="${id}"]`));
    await waitUntil(() => position(first.id) >= 0 && position(second.id) >= 0, 'rows missing');
    expect(position(second.id)).to.be.lessThan(position(first.id));
    await expect(el).to.be.accessible();

    // Correct the older one: it opens in the form, and is saved with PATCH.
    const row = () => rows(el).find((r) => r.querySelector(`[data-delete="${first.id}"]`))!;
    [...row().querySelectorAll('button')].find((b) => text(b) === 'Wijzig')!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect(text($(el, '.editing'))).to.match(/^Je wijzigt de registratie van \d\d:\d\d/);
    expect(focused(el)).to.equal(search(el));
    const other = chips(el).find((c) => c.getAttribute('aria-pressed') === 'false')!;
    other.click();
    await el.updateComplete;
    expect(text(submitButton(el))).to.equal('Sla wijziging op');
    submitButton(el).click();
    await waitUntil(() => notice(el).startsWith('Gewijzigd'), 'not changed');
    const corrected = await api.registrations.get(first.id);
    expect(corrected.questions[0].topic).to.not.equal(first.questions[0].topic);

    // Delete the newer one, after confirming.
    const deleteButton = () => $<HTMLButtonElement>(el, `[data-delete="${second.id}"]`)!;
    await waitUntil(() => deleteButton(), 'row missing');
    deleteButton().click();
    await el.updateComplete;
    await aTimeout(0);
    expect(focused(el)?.id).to.equal('confirm-no');
    await expect(el).to.be.accessible();
    buttonNamed(el, 'Ja, verwijder').click();
    await waitUntil(() => notice(el).startsWith('Verwijderd'), 'not deleted');
    const gone = await api.registrations.get(second.id).catch((e: unknown) => e);
    expect(isIdoHttpError(gone) && gone.status).to.equal(404);
    await waitUntil(() => !$(el, `[data-delete="${second.id}"]`), 'row stayed');
  });

  it('keeps visits while the server cannot be reached, across a reload, and sends them when it can', async () => {
    // Online once, so that this browser has its copy of the value lists.
    const online = await mount();
    online.remove();

    const el = await mount({ api: UNREACHABLE });
    const queued: string[] = [];
    for (const index of [0, 1, 2]) {
      await chooseChip(el, index);
      const event = oneEvent(el, 'ido-queued');
      submitButton(el).click();
      const { detail } = (await event) as IdoQueuedEvent;
      queued.push(detail.id);
      await waitUntil(() => notice(el).startsWith('Bewaard op deze computer'), 'no queued notice');
    }
    await waitUntil(
      () => banner(el) === 'Geen verbinding. 3 registraties wachten en worden verstuurd zodra er weer verbinding is.',
      `banner: ${banner(el)}`,
    );
    await waitUntil(() => rows(el).filter((r) => text(r).includes('wacht op verbinding')).length === 3, 'queued rows missing');
    await expect(el).to.be.accessible();

    // A reload: the queue is in IndexedDB.
    el.remove();
    const reloaded = await mount({ api: UNREACHABLE });
    await waitUntil(() => rows(reloaded).filter((r) => text(r).includes('wacht op verbinding')).length === 3, 'queue lost on reload');

    // The server is back: the queue goes out through the batch endpoint.
    reloaded.api = server.url;
    await waitUntil(() => !rows(reloaded).some((r) => text(r).includes('wacht op verbinding')), 'queue not sent', { timeout: 15_000 });
    await waitUntil(() => banner(reloaded) === '', `banner stayed: ${banner(reloaded)}`);
    const stored = await registeredIds();
    for (const id of queued) expect(stored).to.include(id);
  });

  it('after a reload while the server does not answer, shows the same location, chips, topics and partners at once, and queues', async function () {
    this.timeout(60_000);
    // Online once, with a key bound to its location: this browser remembers where the desk is and its counts.
    const online = await mount({ location: null });
    // The chips show once this desk's counts are in (see ready()).
    await waitUntil(() => $(online, '.location-line'), 'no location line online');
    const onlineChips = chips(online).map(text);
    expect(text($(online, '.location-line'))).to.equal(`Locatie: ${server.locationName}`);
    const partnerNames = (el: IdoRegistratie) => $$(el, '.partner-name strong').map(text);
    search(online).focus();
    await sendKeys({ type: 'huur' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => partnerNames(online).length > 0, 'no partners online', { timeout: 10_000 });
    const onlinePartners = partnerNames(online);
    // A visit stored today: after the reload it must still be in the list, not only what waits.
    const registered = oneEvent(online, 'ido-registered');
    submitButton(online).click();
    const stored = ((await registered) as IdoRegisteredEvent).detail.id;
    await waitUntil(() => $(online, `[data-delete="${stored}"]`), 'the stored visit is not in the list online', { timeout: 10_000 });
    const onlineRows = rows(online).map(text);
    online.remove();
    // After the reload the chips come from this browser's copy of the desk's counts (up to
    // yesterday): the same chips as before, the visit just registered moves none.
    const counts = rememberedCounts(server.deskKey, server.locationId)!;
    expect(onlineChips, 'online, before this visit').to.deep.equal(await chipLabels(counts, onlineChips.length));
    const expectedChips = onlineChips;

    // Then the server stops answering: no error, no answer (a dead connection, a captive portal).
    // Nothing can fail before the assertions below, so all the desk shows comes from this browser.
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(server.url)) return realFetch(input, init);
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      return new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    };
    try {
      const el = await mount({ location: null });
      expect(text($(el, '.location-line'))).to.equal(`Locatie: ${server.locationName}`);
      expect(chips(el).map(text)).to.deep.equal(expectedChips);
      expect(rows(el).map(text), "today's stored visits from this browser").to.deep.equal(onlineRows);
      search(el).focus();
      await sendKeys({ type: 'huur' });
      await el.updateComplete;
      expect(text($(el, '#topic-list [role="option"]'))).to.match(/^Huurtoeslag/);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text($(el, '#chosen-topic'))).to.equal('Gekozen: Huurtoeslag');
      await waitUntil(() => partnerNames(el).length > 0, 'no partners', { timeout: 5_000 });
      expect(partnerNames(el)).to.deep.equal(onlinePartners);

      // Registering waits for the send to time out, then keeps the visit.
      const queued = oneEvent(el, 'ido-queued');
      submitButton(el).click();
      const { detail } = (await queued) as IdoQueuedEvent;
      expect(detail.locationId ?? null).to.be.oneOf([null, server.locationId]);
      await waitUntil(
        () => banner(el) === 'Geen verbinding. 1 registratie wacht en wordt verstuurd zodra er weer verbinding is.',
        `banner: ${banner(el)}`,
      );
      await waitUntil(() => rows(el).filter((r) => text(r).includes('wacht op verbinding')).length === 1, 'queued row missing');
      expect(notice(el)).to.match(/^Bewaard op deze computer: Huurtoeslag/);
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
  });

  it('reports a refusal by the server with ido-error and a message by the button', async () => {
    // A location the desk key is not bound to: the server refuses.
    const el = await mount({ location: server.otherLocationIds[0] });
    await chooseChip(el, 0);
    const failed = oneEvent(el, 'ido-error');
    submitButton(el).click();
    const { detail } = (await failed) as IdoErrorEvent;
    expect(isIdoHttpError(detail.error)).to.be.true;
    await el.updateComplete;
    const error = $(el, '#form-error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error).length).to.be.greaterThan(10);
    expect(focused(el)).to.equal(error);
    await expect(el).to.be.accessible();
  });

  it('takes the desk key from `desk-key`, from `key` (plain HTML) and from the `deskKey` property alike', async () => {
    const byAttribute = await fixture<IdoRegistratie>(html`<ido-registratie desk-key="ido_dk_a"></ido-registratie>`);
    const byOldAttribute = await fixture<IdoRegistratie>(html`<ido-registratie key="ido_dk_b"></ido-registratie>`);
    const byProperty = await fixture<IdoRegistratie>(html`<ido-registratie .deskKey=${'ido_dk_c'}></ido-registratie>`);
    expect([byAttribute.deskKey, byOldAttribute.deskKey, byProperty.deskKey]).to.deep.equal(['ido_dk_a', 'ido_dk_b', 'ido_dk_c']);
    expect(byOldAttribute.key).to.equal('ido_dk_b');
    byOldAttribute.setAttribute('key', 'ido_dk_d');
    expect(byOldAttribute.deskKey).to.equal('ido_dk_d');
  });

  it('says so when the desk key is refused', async () => {
    const el = await fixture<IdoRegistratie>(
      html`<ido-registratie api=${server.url} key="ido_dk_not_a_real_key" location=${server.locationId}></ido-registratie>`,
    );
    await waitUntil(() => /baliesleutel/.test(text(root(el).querySelector('.error'))), 'no message', { timeout: 10_000 });
    await expect(el).to.be.accessible();
  });

  it('asks an unbound desk key for its location once, and registers there', async () => {
    const el = await mount({ key: server.unboundDeskKey, location: null });
    const options = $$<HTMLInputElement>(el, 'input[name="location"]');
    expect(options.length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
    const target = options.find((o) => o.value === server.otherLocationIds[0])!;
    target.click();
    buttonNamed(el, 'Kies deze locatie').click();
    await waitUntil(() => chips(el).length > 0, 'no form after choosing');
    expect(text($(el, '.location-line'))).to.contain('Locatie:');
    await chooseChip(el, 0);
    const { detail } = await register(el);
    expect(detail.locationId).to.equal(server.otherLocationIds[0]);
  });

  it('finds the location of a bound key by itself, and names it', async () => {
    const el = await mount({ location: null });
    expect($(el, 'input[name="location"]')).to.be.null;
    await waitUntil(() => $(el, '.location-line'), 'no location line');
    expect(text($(el, '.location-line'))).to.equal(`Locatie: ${server.locationName}`);
    await chooseChip(el, 0);
    const { detail } = await register(el);
    expect(detail.locationId).to.equal(server.locationId);
  });

  it('speaks English with lang="en", labels from the server included', async () => {
    const el = await mount();
    el.lang = 'en';
    await waitUntil(() => text($(el, 'h2')) === 'Register a visit', 'no English title');
    await waitUntil(() => /Desk · 5–15 min/.test(text($(el, '[part="summary"]'))), 'value lists not in English', { timeout: 10_000 });
    expect(text($(el, 'label[for="search"]'))).to.equal('Find a topic');
    expect(text(submitButton(el))).to.equal('Register');
    expect($(el, '.root')!.getAttribute('lang')).to.equal('en');
    search(el).focus();
    await sendKeys({ type: 'rent' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, '#chosen-topic'))).to.match(/^Chosen: /);
    await expect(el).to.be.accessible();
  });
});

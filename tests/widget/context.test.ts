/**
 * The elements speak the context protocol themselves (widget/shared/ido-element.ts, without
 * `@lit/context` in ido.js): a host page's `ContextProvider` from `@lit/context` must still give
 * them `api` and `lang`, follow its changes, and an element passes its own resolved configuration
 * on to a consumer below it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer, ContextProvider } from '@lit/context';
import '../../widget/ido-locator/define.js';
import type { IdoLocator } from '../../widget/ido-locator/ido-locator.js';
import { idoConfigContext } from '../../widget/shared/context.js';

const heading = (el: IdoLocator) => el.shadowRoot!.querySelector('h2')!.textContent!.trim();

describe('idoConfigContext', () => {
  it('an element below a @lit/context provider takes its language and follows its changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = new ContextProvider(wrapper, { context: idoConfigContext, initialValue: { lang: 'en', api: 'http://127.0.0.1:9' } });
    const el = document.createElement('ido-locator');
    wrapper.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(heading(el)).to.equal('Find a Digital Government Information Point');

    provider.setValue({ lang: 'nl' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Vind een Informatiepunt Digitale Overheid');

    // Its own attribute wins over the provided value.
    el.lang = 'en';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(heading(el)).to.equal('Find a Digital Government Information Point');
  });

  it('an element disconnected from the provider no longer follows it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = new ContextProvider(wrapper, { context: idoConfigContext, initialValue: { lang: 'nl' } });
    const el = document.createElement('ido-locator');
    wrapper.append(el);
    await el.updateComplete;
    el.remove();
    provider.setValue({ lang: 'en' });
    document.body.append(el);
    await el.updateComplete;
    expect(heading(el)).to.equal('Vind een Informatiepunt Digitale Overheid');
    el.remove();
  });

  it('passes its resolved configuration on to a consumer inside it', async () => {
    const el = await fixture<IdoLocator>(html`<ido-locator api="https://ido.example.nl/" lang="en"></ido-locator>`);
    const inner = document.createElement('div');
    el.shadowRoot!.append(inner);
    const seen: unknown[] = [];
    const host = Object.assign(inner, {
      addController: () => undefined,
      removeController: () => undefined,
      requestUpdate: () => undefined,
      updateComplete: Promise.resolve(true),
    });
    const consumer = new ContextConsumer(host, { context: idoConfigContext, subscribe: true, callback: (value) => seen.push(value) });
    consumer.hostConnected();
    expect(seen.at(-1)).to.deep.equal({ api: 'https://ido.example.nl', lang: 'en', key: undefined });
    el.lang = 'nl';
    await el.updateComplete;
    expect(seen.at(-1)).to.deep.equal({ api: 'https://ido.example.nl', lang: 'nl', key: undefined });
  });
});

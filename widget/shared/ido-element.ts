/** Base class of the IDO elements: `api` and `lang` attributes, shared through the context protocol. */
import { LitElement, type PropertyDeclarations } from 'lit';
import type { Lang } from '../../sdk/schemas/common.js';
import { idoConfigContext, type IdoConfig } from './context.js';
import { resolveLang, type Catalogue } from './i18n.js';

/**
 * The origin this script was loaded from: the default API server, because the server that
 * hands out `/widget/ido.js` is the one that answers the API.
 */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

type Callback = (value: IdoConfig | undefined, unsubscribe?: () => void) => void;

/** The events of the community context protocol, as `@lit/context` sends and answers them. */
interface ContextEvent extends Event {
  context: unknown;
  contextTarget?: EventTarget;
  callback: Callback;
  subscribe?: boolean;
}

const contextEvent = (type: 'context-request' | 'context-provider', fields: Partial<ContextEvent>) =>
  Object.assign(new Event(type, { bubbles: true, composed: true }), { context: idoConfigContext, ...fields });

/**
 * Resolves `api` and `lang` from the element's own attributes, then from a configuration
 * provided higher up (`idoConfigContext`), then the defaults; and provides the result to
 * anything rendered inside, so that lazily loaded parts need no attributes of their own.
 *
 * It consumes and provides with the context protocol that `@lit/context` implements, written out
 * here (a page's `ContextProvider` or `ContextRoot` from `@lit/context` works with it), which
 * keeps `@lit/context` itself out of ido.js.
 */
export class IdoElement extends LitElement {
  /** Reactive properties and states (declared here rather than with decorators, which cost weight in ido.js). */
  static override properties: PropertyDeclarations = {
    inherited: { state: true },
    api: {},
    lang: {},
  };
  /** Configuration provided by the page or an enclosing element, if any. */
  protected inherited?: IdoConfig;

  /**
   * Origin of the IDO server.
   * @default the origin of the script
   */
  api = '';

  /**
   * Language of the element: `nl` or `en`. Also what screen readers pronounce it as.
   * @default 'nl'
   */
  override lang = '';

  /** How to stop the provider above from sending changes. */
  private unsubscribeConfig?: () => void;
  /** What this element provides, and to whom below it. */
  private provided?: IdoConfig;
  private readonly subscribers = new Map<Callback, { host: EventTarget; dispose: () => void }>();

  /** From the provider above: now, and again with every change. */
  private readonly receiveConfig: Callback = (value, unsubscribe) => {
    if (this.unsubscribeConfig !== unsubscribe) {
      this.unsubscribeConfig?.();
      this.unsubscribeConfig = unsubscribe;
    }
    this.inherited = value;
  };

  constructor() {
    super();
    // Requests from below (not this element's own): answer, and remember subscribers.
    this.addEventListener('context-request', (event) => {
      const e = event as ContextEvent;
      const host = e.contextTarget ?? e.composedPath()[0];
      if (e.context !== idoConfigContext || host === this) return;
      e.stopPropagation();
      if (!e.subscribe) {
        e.callback(this.provided);
        return;
      }
      let entry = this.subscribers.get(e.callback);
      if (!entry) this.subscribers.set(e.callback, (entry = { host, dispose: () => this.subscribers.delete(e.callback) }));
      e.callback(this.provided, entry.dispose);
    });
    // A provider that appeared below this one: its consumers ask again, so that it answers them.
    this.addEventListener('context-provider', (event) => {
      const e = event as unknown as ContextEvent;
      if (e.context !== idoConfigContext || (e.contextTarget ?? e.composedPath()[0]) === this) return;
      for (const [callback, { host }] of [...this.subscribers]) {
        host.dispatchEvent(contextEvent('context-request', { contextTarget: host, callback, subscribe: true }));
      }
      e.stopPropagation();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dispatchEvent(contextEvent('context-request', { contextTarget: this, callback: this.receiveConfig, subscribe: true }));
    this.dispatchEvent(contextEvent('context-provider', { contextTarget: this }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeConfig?.();
    this.unsubscribeConfig = undefined;
  }

  /** The API origin without a trailing slash. */
  protected get resolvedApi(): string {
    return (this.api || this.inherited?.api || SCRIPT_ORIGIN).replace(/\/+$/, '');
  }

  protected get language(): Lang {
    return resolveLang(this.lang, this.inherited?.lang);
  }

  /**
   * The catalogues of the texts the next render uses: the element's own, and a lazy part's once it
   * is there. In English the element waits for them before it renders (Dutch is built in), so it
   * never shows Dutch first and `updateComplete` means "rendered in the right language".
   */
  protected catalogues(): (Catalogue<unknown> | undefined)[] {
    return [];
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const waiting = this.catalogues()
      .map((c) => c?.ready(this.language))
      .filter(Boolean);
    return waiting[0] ? Promise.all(waiting).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** What this element passes on: its own resolved configuration. */
  protected providedConfig(): IdoConfig {
    return { api: this.resolvedApi, lang: this.language, key: this.inherited?.key };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const next = this.providedConfig();
    const current = this.provided;
    if (!current || current.api !== next.api || current.lang !== next.lang || current.key !== next.key) {
      this.provided = next;
      for (const [callback, { dispose }] of this.subscribers) callback(next, dispose);
    }
  }
}

/** Base class of the IDO elements: `api` and `lang` attributes, shared through @lit/context. */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider, consume } from '@lit/context';
import { idoConfigContext, type IdoConfig, type Lang } from './context.js';
import { resolveLang } from './i18n.js';

/**
 * The origin this script was loaded from: the default API server, because the server that
 * hands out `/widget/ido.js` is the one that answers the API.
 */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * Resolves `api` and `lang` from the element's own attributes, then from a configuration
 * provided higher up (`idoConfigContext`), then the defaults; and provides the result to
 * anything rendered inside, so that lazily loaded parts need no attributes of their own.
 */
export class IdoElement extends LitElement {
  /** Configuration provided by the page or an enclosing element, if any. */
  @consume({ context: idoConfigContext, subscribe: true })
  @state()
  protected inherited?: IdoConfig;

  /**
   * Origin of the IDO server.
   * @default the origin of the script
   */
  @property({ reflect: false }) api = '';

  /**
   * Language of the element: `nl` or `en`. Also what screen readers pronounce it as.
   * @default 'nl'
   */
  @property({ reflect: false }) override lang = '';

  private readonly configProvider = new ContextProvider(this, { context: idoConfigContext, initialValue: undefined });

  /** The API origin without a trailing slash. */
  protected get resolvedApi(): string {
    return (this.api || this.inherited?.api || SCRIPT_ORIGIN).replace(/\/+$/, '');
  }

  protected get language(): Lang {
    return resolveLang(this.lang, this.inherited?.lang);
  }

  /** What this element passes on: its own resolved configuration. */
  protected providedConfig(): IdoConfig {
    return { api: this.resolvedApi, lang: this.language, key: this.inherited?.key };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const next = this.providedConfig();
    const current = this.configProvider.value;
    if (!current || current.api !== next.api || current.lang !== next.lang || current.key !== next.key) {
      this.configProvider.setValue(next);
    }
  }
}

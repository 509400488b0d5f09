/** Configuration that a page or an enclosing element may share with every IDO element below it. */
import type { Context } from '@lit/context';
import type { Lang } from '../../sdk/schemas/common.js';

/** The two languages every element speaks: the contract's `Lang`. */
export type { Lang };

/**
 * What an IDO element needs to reach the API. Each field is optional: an element's own
 * attributes win, and `api` falls back to the origin the script was loaded from.
 */
export interface IdoConfig {
  /** Server origin, e.g. `https://ido.example.nl`. */
  api?: string;
  /** A desk key (`ido_dk_…`) for `<ido-registratie>`. */
  key?: string;
  lang?: Lang;
}

/**
 * Shared through `@lit/context`, so a host application can provide it once:
 *
 * @example
 * ```ts
 * import { ContextProvider } from '@lit/context';
 * new ContextProvider(document.body, { context: idoConfigContext, initialValue: { api, key, lang: 'en' } });
 * ```
 *
 * `Symbol.for` (not `Symbol`) so that two copies of the script on one page still match. The
 * elements speak the context protocol themselves (see ido-element.ts), so `@lit/context` is not in
 * ido.js; `createContext` would only have returned this key.
 */
export const idoConfigContext = Symbol.for('ido-config') as Context<symbol, IdoConfig | undefined>;

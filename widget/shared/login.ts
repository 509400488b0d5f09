/**
 * The login of the staff elements (`<ido-rapportage>`, `<ido-beheer>`), as a controller of the
 * element: the session of the element's own form (sessionStorage, see session.ts) or the `token`
 * attribute, the form's errors, logging in and out, and what a 401 anywhere means (back to the
 * form, with a word on why). Lives in the elements' lazy chunks, never in ido.js.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { authApi } from '../../sdk/api/auth.js';
import { createHttp } from '../../sdk/http.js';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import type { Lang } from '../../sdk/schemas/common.js';
import type { Session, User } from '../../sdk/schemas/resources.js';
import { lazyCatalogue } from './i18n.js';
import { nl, type LoginTexts } from './i18n.login.nl.js';
import { renderLogin, type LoginErrors } from './login-form.js';
import { readSession, writeSession, type StoredSession } from './session.js';
import { Task, TaskStatus } from './task.js';

/** The login form's texts: Dutch built in, English a chunk of its own. */
export const loginTexts = lazyCatalogue(nl, async () => (await import('./i18n.login.en.js')).en);

/** What the login needs of its element: read through closures, so the element keeps its members protected. */
export interface LoginHostApi {
  /** The API origin, resolved (attribute, context, script origin). */
  api(): string;
  lang(): Lang;
  /** The `token` attribute. */
  token(): string;
  /** The form's heading and intro, in the element's words. */
  copy(): { heading: string; intro: string };
  /** Fires `ido-login` on the element. */
  loggedIn(user: User): void;
  /** Fires `ido-logout` on the element. */
  loggedOut(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class LoginController implements ReactiveController {
  private readonly _host: Host;
  private readonly _api: LoginHostApi;
  /** The API origin the stored session was read for. */
  private _sessionApi?: string;
  /** The `token` attribute as last seen, to notice a new one. */
  private _lastToken?: string;
  /** Where focus goes after the next render (a selector in the shadow root). */
  private _focusAfterRender?: string;
  private _session: StoredSession | null = null;
  /** The `token` attribute was refused (401): ask to log in instead. */
  private _tokenRejected = false;
  private _errors: LoginErrors = {};
  private _problem: string | null = null;
  private _notice = '';
  private readonly _login: Task<readonly [string, string], Session>;
  /**
   * Where focus goes once logged in (the element's heading).
   * @default '#heading'
   */
  focusAfterLogin = '#heading';

  constructor(host: Host, api: LoginHostApi) {
    this._host = host;
    this._api = api;
    host.addController(this);
    this._login = new Task(host, {
      autoRun: false,
      task: ([email, password], { signal }) =>
        authApi(createHttp({ baseUrl: this._api.api(), lang: this._api.lang(), retry: 0 })).login({ email, password }, { signal }),
      onComplete: (session) => this._onLoggedIn(session),
      onError: (error) => this._onLoginError(error),
    });
  }

  /** Before each render: the stored session of this API origin, and a fresh chance for a new `token` attribute. */
  hostUpdate(): void {
    const api = this._api.api();
    if (api !== this._sessionApi) {
      this._sessionApi = api;
      this._session = readSession(api);
    }
    const token = this._api.token();
    if (token !== this._lastToken) {
      this._lastToken = token;
      this._tokenRejected = false;
    }
  }

  hostUpdated(): void {
    if (!this._focusAfterRender) return;
    const target = this._host.renderRoot.querySelector<HTMLElement>(this._focusAfterRender);
    this._focusAfterRender = undefined;
    target?.focus();
  }

  private _t(): LoginTexts {
    return loginTexts.get(this._api.lang());
  }

  /** The credentials in use: the element's own session, else the `token` attribute (unless the server refused it). */
  get token(): string {
    return this._session?.token ?? (this._tokenRejected ? '' : this._api.token().trim());
  }

  /** Who logged in with the element's own form; null with a `token` attribute. */
  get user(): User | null {
    return this._session?.user ?? null;
  }

  private _validate(form: HTMLFormElement, only?: keyof LoginErrors): LoginErrors {
    const t = this._t();
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const errors: LoginErrors = {};
    if (!only || only === 'email') {
      if (!email) errors.email = t.emailMissing;
      else if (!EMAIL.test(email)) errors.email = t.emailInvalid;
    }
    if ((!only || only === 'password') && !password) errors.password = t.passwordMissing;
    return errors;
  }

  private _onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this._login.status === TaskStatus.PENDING) return;
    const form = event.currentTarget as HTMLFormElement;
    const errors = this._validate(form);
    this._errors = errors;
    this._problem = null;
    this._notice = '';
    if (errors.email || errors.password) {
      this._focusAfterRender = errors.email ? '#email' : '#password';
      this._host.requestUpdate();
      return;
    }
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    void this._login.run([email, password]);
  }

  /** After a field's error is shown, it goes away as soon as the field is right. */
  private _onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as keyof LoginErrors;
    if (!this._errors[field]) return;
    const errors = this._validate(input.form!, field);
    this._errors = { ...this._errors, [field]: errors[field] };
    this._host.requestUpdate();
  }

  private _onLoggedIn(session: Session): void {
    const stored: StoredSession = { token: session.token, expiresAt: session.expiresAt, user: session.user };
    writeSession(this._api.api(), stored);
    this._session = stored;
    this._problem = null;
    this._notice = '';
    this._focusAfterRender = this.focusAfterLogin;
    this._host.requestUpdate();
    this._api.loggedIn(session.user);
  }

  private _onLoginError(error: unknown): void {
    const t = this._t();
    if (error instanceof DOMException && error.name === 'AbortError') return;
    if (isIdoHttpError(error) && (error.status === 401 || error.status === 422 || error.status === 400)) this._problem = t.loginFailed;
    else if (isIdoHttpError(error) && error.status === 429) this._problem = t.loginBusy;
    else if (isIdoNetworkError(error)) this._problem = t.networkError;
    else this._problem = t.loginServerError;
    this._focusAfterRender = '#login-problem';
    const password = this._host.renderRoot.querySelector<HTMLInputElement>('#password');
    if (password) password.value = '';
    this._host.requestUpdate();
  }

  /** "Uitloggen": forgets the session here at once, then ends it on the server (a courtesy: it expires anyway). */
  async logout(): Promise<void> {
    const token = this.token;
    writeSession(this._api.api(), null);
    this._session = null;
    this._tokenRejected = !!this._api.token();
    this._notice = this._t().loggedOut;
    this._problem = null;
    this._focusAfterRender = '#email';
    this._host.requestUpdate();
    this._api.loggedOut();
    await authApi(createHttp({ baseUrl: this._api.api(), token, retry: 0 }))
      .logout()
      .catch(() => undefined);
  }

  /**
   * A failure anywhere: a 401 means the session is over, so back to the form with a word on why.
   * Answers whether it was one.
   */
  authFailed(error: unknown): boolean {
    if (!isIdoHttpError(error) || error.status !== 401) return false;
    const hadFocus = !!(this._host.renderRoot as ShadowRoot).activeElement;
    if (this._session) {
      writeSession(this._api.api(), null);
      this._session = null;
    } else {
      this._tokenRejected = true;
    }
    this._problem = this._t().sessionExpired;
    if (hadFocus) this._focusAfterRender = '#login-problem';
    this._host.requestUpdate();
    return true;
  }

  /** The login form. */
  render(): TemplateResult {
    const { heading, intro } = this._api.copy();
    return renderLogin(
      {
        t: this._t(),
        heading,
        intro,
        errors: this._errors,
        pending: this._login.status === TaskStatus.PENDING,
        notice: this._notice,
        problem: this._problem,
      },
      { submit: (e) => this._onSubmit(e), input: (e) => this._onInput(e) },
    );
  }

  /** "Ingelogd als …" with the "Uitloggen" button, for the element's top bar; nothing with a `token` attribute. */
  renderAccount(): TemplateResult | typeof nothing {
    const user = this.user;
    if (!user) return nothing;
    const t = this._t();
    return html`<p class="account"><span>${t.loggedInAs(user.email)}</span>
      <button class="button quiet" type="button" @click=${() => void this.logout()}>${t.logout}</button></p>`;
  }
}

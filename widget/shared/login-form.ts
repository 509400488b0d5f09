/** The staff elements' own login form (e-mail address and password), with its errors. A pure render function. */
import { html, nothing } from 'lit';
import type { LoginTexts } from './i18n.login.nl.js';

/** What is wrong with a field, after the coordinator typed in it or submitted. */
export interface LoginErrors {
  email?: string;
  password?: string;
}

export interface LoginInput {
  t: LoginTexts;
  /** The form's heading ("Inloggen voor de rapportage"). */
  heading: string;
  /** One sentence under it: what logging in gives. */
  intro: string;
  errors: LoginErrors;
  /** Logging in is under way. */
  pending: boolean;
  /** A word above the form ("Je bent uitgelogd."). */
  notice: string;
  /** Why logging in did not work, if it did not. */
  problem: string | null;
}

export interface LoginIntents {
  submit(event: SubmitEvent): void;
  /** A field was typed in (its error goes once it is right). */
  input(event: Event): void;
}

export function renderLogin(input: LoginInput, intents: LoginIntents) {
  const { t, errors, pending } = input;
  const field = (name: 'email' | 'password', label: string, type: string, autocomplete: string) => {
    const error = errors[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${error ? html`<p class="error" id="${name}-error"><span class="visually-hidden">${t.errorPrefix}</span>${error}</p>` : nothing}
      <input id=${name} name=${name} class="control" type=${type} autocomplete=${autocomplete} required
        spellcheck="false" autocapitalize="off" inputmode=${type === 'email' ? 'email' : nothing}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${name}-error` : nothing}
        @input=${(e: Event) => intents.input(e)} />
    </div>`;
  };
  return html`<section class="login" part="login" aria-labelledby="login-heading">
    <h2 id="login-heading" tabindex="-1">${input.heading}</h2>
    <p>${input.intro}</p>
    <p class="notice" role="status">${input.notice}</p>
    ${
      input.problem
        ? html`<div class="problem" id="login-problem" tabindex="-1"><p><span class="visually-hidden">${t.errorPrefix}</span>${input.problem}</p></div>`
        : nothing
    }
    <form part="login-form" novalidate @submit=${(e: SubmitEvent) => intents.submit(e)}>
      ${field('email', t.email, 'email', 'username')}
      ${field('password', t.password, 'password', 'current-password')}
      <div class="actions">
        <button class="button primary" part="login-button" type="submit" aria-disabled=${pending ? 'true' : 'false'}>${t.login}</button>
        <span role="status">${pending ? t.loggingIn : ''}</span>
      </div>
    </form>
  </section>`;
}

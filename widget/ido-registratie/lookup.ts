/**
 * The look-up panel beside the form: the information links of the chosen topic and the partners
 * that take it (from the server, else this browser's copy), each with "warm" and "koud" referral
 * buttons. Owns the partners' task; renders from explicit inputs and reports a referral choice
 * through its intent.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { Partner } from '../../sdk/schemas/resources.js';
import type { Topic } from '../../sdk/schemas/taxonomy.js';
import { lowerFirst } from '../shared/i18n.js';
import { Task, initialState } from '../shared/task.js';
import type { Cached, DeskConnection } from './connection.js';
import { partnersCacheKey, rememberedPartners } from './desk-location.js';
import type { RegistratieTexts } from './i18n.nl.js';
import type { DraftReferral } from './visit.js';

export interface LookupInput {
  t: RegistratieTexts;
  /** The topic of the question being entered (undefined before one is chosen). */
  topic: Topic | undefined;
  referral: DraftReferral | null;
  /** The label of a partner kind. */
  kindLabel(kind: string): string;
}

export interface LookupIntents {
  /** A referral button: to `partner`, warm or cold (pressing the chosen one again takes it back). */
  refer(partner: Partner, warm: boolean): void;
}

export class LookupPanel {
  readonly task: Task<readonly unknown[], Cached<Partner[]>>;

  constructor(
    host: ReactiveControllerHost,
    private readonly connection: DeskConnection,
    /** The topic of the question being entered. */
    topic: () => string | null,
    private readonly intents: LookupIntents,
  ) {
    this.task = new Task(host, {
      args: () => [connection.client, topic()] as const,
      task: async ([client, topic], { signal }) => {
        if (!client || !topic) return initialState;
        return connection.cached(
          partnersCacheKey(connection.key, topic),
          signal,
          async () => (await client.partners.list({ topic }, { signal })).items,
        );
      },
    });
  }

  /** The name of a partner in the current list (for the summary line). */
  partnerName(id: string): string | undefined {
    return this.task.value?.value.find((p) => p.id === id)?.name;
  }

  private renderPartner(input: LookupInput, partner: Partner) {
    const { t, referral } = input;
    const contact = partner.contact as { phone?: string; email?: string; url?: string };
    const choice = (warm: boolean) => {
      const pressed = referral?.partnerId === partner.id && referral.warm === warm;
      return html`<button type="button" class="button choice" aria-pressed=${pressed ? 'true' : 'false'} aria-describedby="referral-hint"
        @click=${() => this.intents.refer(partner, warm)}>${warm ? t.warm : t.cold}<span class="visually-hidden">: ${partner.name}</span></button>`;
    };
    return html`<li class="partner">
      <p class="partner-name"><strong>${partner.name}</strong> <span class="hint">· ${input.kindLabel(partner.kind)}</span></p>
      ${partner.spreekuur ? html`<p><span class="term">${t.spreekuur}:</span> ${partner.spreekuur}</p>` : nothing}
      ${partner.address ? html`<p><span class="term">${t.address}:</span> ${partner.address}</p>` : nothing}
      ${
        contact.phone || contact.email || contact.url
          ? html`<p class="contact">
            ${contact.phone ? html`<a href="tel:${contact.phone.replace(/[^\d+]/g, '')}">${contact.phone}</a>` : nothing}
            ${contact.email ? html`<a href="mailto:${contact.email}">${contact.email}</a>` : nothing}
            ${contact.url ? html`<a href=${contact.url} target="_blank" rel="noopener noreferrer">${contact.url.replace(/^https?:\/\//, '')}<span class="visually-hidden"> ${t.newWindow}</span></a>` : nothing}
          </p>`
          : nothing
      }
      <div class="choices">${choice(true)}${choice(false)}</div>
      ${referral?.partnerId === partner.id ? html`<p class="chosen-referral">✓ ${t.referralChosen(partner.name, referral.warm)}</p>` : nothing}
    </li>`;
  }

  render(input: LookupInput) {
    const { t, topic } = input;
    const partners = (result: Cached<Partner[]>) =>
      html`${result.fromCache ? html`<p class="hint">${t.partnersFromCache}</p>` : nothing}
        ${result.value.length ? html`<ul class="partners">${result.value.map((p) => this.renderPartner(input, p))}</ul>` : html`<p>${t.partnersNone}</p>`}`;
    return html`<aside class="lookup" part="lookup" aria-labelledby="lookup-heading">
      <h3 id="lookup-heading">${topic ? t.lookupFor(lowerFirst(topic.label)) : t.lookupHeading}</h3>
      ${
        !topic
          ? html`<p class="hint">${t.lookupEmpty}</p>`
          : html`
          ${
            topic.links.length
              ? html`<h4>${t.linksHeading}</h4>
              <ul class="links">${topic.links.map((l) => html`<li><a href=${l.url} target="_blank" rel="noopener noreferrer">${l.label}<span class="visually-hidden"> ${t.newWindow}</span></a></li>`)}</ul>`
              : nothing
          }
          <h4>${t.partnersHeading}</h4>
          <p class="hint" id="referral-hint">${t.referralHint}</p>
          ${this.task.render({
            // Until the server answers, this browser's copy (a server that does not answer takes long to
            // fail); not yet marked as a copy, for online the fresh list follows in a moment.
            pending: () => {
              const remembered = rememberedPartners(this.connection.key, topic.code);
              return remembered ? partners({ value: remembered, fromCache: false }) : html`<p class="hint">${t.partnersLoading}</p>`;
            },
            error: () => html`<p class="hint">${t.partnersFailed}</p>`,
            complete: partners,
          })}`
      }
    </aside>`;
  }
}

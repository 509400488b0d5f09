/**
 * The visit being entered: defaults, the draft and its changes, and turning it into an API body.
 * Pure, no I/O, but for what this browser remembers of a desk's last visit (`rememberVisit`).
 */
import type { RegistrationInput } from '../../sdk/schemas/registration.js';
import type { Partner } from '../../sdk/schemas/resources.js';
import type { Topic } from '../../sdk/schemas/taxonomy.js';
import { fingerprint, readJson, writeJson } from '../shared/storage.js';
import { amsterdamInstant, amsterdamParts, toAmsterdamIso } from '../../sdk/amsterdam-time.js';
import { now } from '../shared/clock.js';

/** What a new visit starts with: what this desk did last time. */
export interface VisitDefaults {
  channel: string;
  duration: string;
  type: string;
  help: string[];
  digid: string | null;
}

/** Before a desk has registered anything: the commonest visit. */
export const FIRST_DEFAULTS: VisitDefaults = {
  channel: 'balie',
  duration: '5-15',
  type: 'digitale-overheid',
  help: ['digitaal-contact'],
  digid: null,
};

export interface DraftReferral {
  partnerId: string;
  partnerKind?: string;
  warm: boolean;
}

export interface DraftQuestion {
  type: string;
  topic: string | null;
  agencies: string[];
  help: string[];
  digid: string | null;
  referral: DraftReferral | null;
}

export interface Draft {
  channel: string;
  duration: string;
  questions: DraftQuestion[];
  /** `null` = now; otherwise a time earlier today, `HH:MM`. */
  earlierAt: string | null;
  note: string;
}

export function newQuestion(defaults: VisitDefaults): DraftQuestion {
  return { type: defaults.type, topic: null, agencies: [], help: [...defaults.help], digid: defaults.digid, referral: null };
}

export function newDraft(defaults: VisitDefaults): Draft {
  return { channel: defaults.channel, duration: defaults.duration, questions: [newQuestion(defaults)], earlierAt: null, note: '' };
}

/** The defaults for next time, learnt from the visit just registered. */
export function defaultsFrom(draft: Draft): VisitDefaults {
  const first = draft.questions[0];
  return {
    channel: draft.channel,
    duration: draft.duration,
    type: first.type,
    // A referral is about one visitor's situation; do not carry it to the next.
    help: first.help.filter((h) => h !== 'doorverwijzing'),
    digid: first.digid,
  };
}

/** Today in the Netherlands, `YYYY-MM-DD`. */
export function today(at: Date = now()): string {
  return amsterdamParts(at).date;
}

/** The current time in the Netherlands, `HH:MM`. */
export function timeNow(at: Date = now()): string {
  return amsterdamParts(at).time;
}

/**
 * The API body of the draft. `occurredAt` is always set here, so that a visit kept offline and
 * sent later still counts at the time it happened; a backdated time later than now is clamped,
 * because the API refuses the future.
 */
export function toInput(draft: Draft, options: { id: string; locationId?: string; now?: Date }): RegistrationInput {
  const at = options.now ?? now();
  const input: RegistrationInput = {
    id: options.id,
    channel: draft.channel,
    duration: draft.duration,
    questions: draft.questions
      .filter((q) => q.topic)
      .map((q) => ({
        type: q.type,
        topic: q.topic!,
        agencies: q.agencies,
        help: q.help,
        ...(q.digid ? { digid: q.digid } : {}),
        ...(q.referral
          ? {
              referral: {
                partnerId: q.referral.partnerId,
                warm: q.referral.warm,
                ...(q.referral.partnerKind ? { partnerKind: q.referral.partnerKind } : {}),
              },
            }
          : {}),
      })),
  };
  if (options.locationId) input.locationId = options.locationId;
  if (draft.earlierAt) {
    const earlier = amsterdamInstant(today(at), draft.earlierAt);
    input.occurredAt = toAmsterdamIso(earlier.getTime() > at.getTime() ? at : earlier);
  } else {
    // Whole minutes: what the desk sees, and a margin for a desk clock that runs a little fast.
    input.occurredAt = toAmsterdamIso(new Date(Math.floor(at.getTime() / 60_000) * 60_000));
  }
  const note = draft.note.trim();
  if (note) input.note = note;
  return input;
}

/** What `draftFrom` reads: a stored registration, or one still waiting in the outbox. */
export interface VisitLike {
  channel: string;
  duration: string;
  occurredAt: string;
  note?: string | null;
  questions: {
    type: string;
    topic: string;
    agencies?: string[];
    help?: string[];
    digid?: string | null;
    referral?: { partnerId?: string | null; partnerKind?: string | null; warm?: boolean | null } | null;
  }[];
}

/** A stored (or queued) registration back in the form, for correcting it. */
export function draftFrom(reg: VisitLike): Draft {
  return {
    channel: reg.channel,
    duration: reg.duration,
    questions: reg.questions.map((q) => ({
      type: q.type,
      topic: q.topic,
      agencies: [...(q.agencies ?? [])],
      help: [...(q.help ?? [])],
      digid: q.digid ?? null,
      referral: q.referral?.partnerId
        ? { partnerId: q.referral.partnerId, partnerKind: q.referral.partnerKind ?? undefined, warm: q.referral.warm ?? false }
        : null,
    })),
    earlierAt: amsterdamParts(new Date(reg.occurredAt)).time,
    note: reg.note ?? '',
  };
}

/** The same visit again, as new: "Zelfde als vorige". */
export function repeatOf(previous: Draft): Draft {
  return { ...structuredClone(previous), earlierAt: null, note: '' };
}

/** `list` with `code` in it (`on`) or out of it, in its order. */
export function toggleIn(list: string[], code: string, on: boolean): string[] {
  return on ? (list.includes(code) ? list : [...list, code]) : list.filter((c) => c !== code);
}

/** The visit with one more question, with this desk's defaults. */
export function withQuestion(draft: Draft, defaults: VisitDefaults): Draft {
  return { ...draft, questions: [...draft.questions, newQuestion(defaults)] };
}

/** The visit without its question at `index`. */
export function withoutQuestion(draft: Draft, index: number): Draft {
  return { ...draft, questions: draft.questions.filter((_, i) => i !== index) };
}

/** The question about `topic` (null: none chosen): its agencies as suggested, no referral (that was for the previous topic). */
export function withTopic(q: DraftQuestion, code: string | null, topic: Topic | undefined): DraftQuestion {
  return {
    ...q,
    topic: code,
    agencies: topic ? [...topic.agencies] : [],
    referral: null,
    help: q.referral ? q.help.filter((h) => h !== 'doorverwijzing') : q.help,
  };
}

/** The question referred to `partner` (warm or cold); the same choice again takes the referral back. */
export function withReferral(q: DraftQuestion, partner: Partner, warm: boolean): DraftQuestion {
  const same = q.referral?.partnerId === partner.id && q.referral.warm === warm;
  return {
    ...q,
    referral: same ? null : { partnerId: partner.id, partnerKind: partner.kind, warm },
    help: toggleIn(q.help, 'doorverwijzing', !same),
  };
}

/** What this browser remembers of the last visit at the desk of `key`: the next visit's defaults and "Zelfde als vorige". */
export function rememberedVisit(key: string): { defaults: VisitDefaults; previous: Draft | null } {
  const scope = fingerprint(key);
  return {
    defaults: { ...FIRST_DEFAULTS, ...readJson<Partial<VisitDefaults>>(`defaults:${scope}`, {}) },
    previous: readJson<Draft | null>(`previous:${scope}`, null),
  };
}

/** Remembers the visit just registered at the desk of `key`; answers what `rememberedVisit` will. */
export function rememberVisit(key: string, draft: Draft): { defaults: VisitDefaults; previous: Draft } {
  const scope = fingerprint(key);
  const remembered = { defaults: defaultsFrom(draft), previous: repeatOf(draft) };
  writeJson(`defaults:${scope}`, remembered.defaults);
  writeJson(`previous:${scope}`, remembered.previous);
  return remembered;
}

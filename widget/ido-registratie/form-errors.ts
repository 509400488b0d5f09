/** What a failure to register, correct or delete a visit means for the form. Pure, no I/O. */
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import type { RegistratieTexts } from './i18n.nl.js';

/** What is wrong, next to the field it concerns (`topic`, `time`) or by the buttons (`form`). */
export interface FormErrors {
  topic?: string;
  time?: string;
  form?: string;
}

/** What a failure to register (or to correct, or delete) means for the form. */
export function errorsOf(t: RegistratieTexts, error: unknown): FormErrors {
  if (isIdoHttpError(error) && error.status === 422 && error.errors.length) {
    const topic = error.errors.find((e) => /^questions\.\d+\.topic$/.test(e.path));
    const time = error.errors.find((e) => e.path === 'occurredAt');
    const others = error.errors.filter((e) => e !== topic && e !== time);
    return {
      topic: topic?.message,
      time: time?.message,
      form: others.length ? `${t.errorSend} ${others.map((e) => e.message).join(' ')}` : undefined,
    };
  }
  if (isIdoHttpError(error) && (error.status === 401 || error.status === 403)) return { form: t.keyRefused };
  if (isIdoNetworkError(error)) return { form: t.errorOffline };
  const detail = isIdoHttpError(error) ? (error.problem?.detail ?? error.problem?.title) : undefined;
  return { form: detail ? `${t.errorSendOther} ${t.errorDetail(detail)}` : t.errorSendOther };
}

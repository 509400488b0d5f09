/**
 * The running server's report mailer: every `intervalMs` (and once at start) it sends the report
 * mails that are due by the injected clock, like the folder of the report aggregates. Without
 * `IDO_SMTP_URL` it says so once and does nothing.
 */
import type { Config } from '../../env.js';
import type { Deps } from '../../types.js';
import { sendDueReports } from './send.js';
import { smtpTransport, type MailTransport } from './transport.js';

export interface ReportMailer {
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

export const MAIL_OFF_MESSAGE = 'scheduled report mails are off: IDO_SMTP_URL is not set (subscriptions are kept, none are sent)';

export function startReportMailer(
  deps: Deps,
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'reportMailIntervalMs'>,
  transport?: MailTransport,
): ReportMailer {
  if (!config.smtpUrl && !transport) {
    deps.logger.info({ msg: MAIL_OFF_MESSAGE });
    return { stop: async () => {} };
  }
  const mail = transport ?? smtpTransport(config.smtpUrl!, config.mailFrom);
  deps.logger.info({ msg: 'scheduled report mails on', intervalMs: config.reportMailIntervalMs });
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return; // a round is still sending: it goes on, this turn is skipped
    running = sendDueReports(deps, mail, deps.clock())
      .then(
        () => undefined,
        (error: unknown) => deps.logger.error({ msg: 'sending report mails failed', error }),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, config.reportMailIntervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      mail.close();
    },
  };
}

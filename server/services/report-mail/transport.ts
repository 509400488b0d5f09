/**
 * Sending mail through SMTP with nodemailer (`IDO_SMTP_URL`, `smtp://user:pass@host:port` or
 * `smtps://…`). One place that knows nodemailer, so that the rest of the service sends a message.
 */
import nodemailer from 'nodemailer';
import type { ReportMail } from './content.js';

export interface MailTransport {
  /** Sends one message; rejects when the mail server did not accept it. */
  send(to: string, mail: ReportMail): Promise<void>;
  close(): void;
}

/** Timeouts short enough that a claimed job is done (or failed) well within its claim (jobs.ts). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 };

export function smtpTransport(url: string, from: string): MailTransport {
  // nodemailer's SMTP transport reads `url` and lets the other options given beside it stand.
  const transporter = nodemailer.createTransport({ url, ...TIMEOUTS } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(to, mail) {
      await transporter.sendMail({
        from,
        to,
        subject: mail.subject,
        text: mail.text,
        attachments: [{ filename: mail.attachment.filename, content: mail.attachment.content, contentType: mail.attachment.contentType }],
      });
    },
    close: () => transporter.close(),
  };
}

import nodemailer from 'nodemailer';
import { EmailSendError, type EmailPort, OutgoingEmail } from './email.port.ts';

/**
 * Real SMTP through nodemailer (multipart text + HTML when html is given). Custom headers
 * (List-Unsubscribe, List-Unsubscribe-Post, X-Haven-Message-Id) pass through as given:
 * nodemailer only folds long ASCII values at spaces, which receivers unfold back; the
 * email integration test reads them from the delivered message.
 */
export function createSmtpEmail(opts: { url: string; from: string }): EmailPort {
  const transport = nodemailer.createTransport(opts.url);
  return {
    name: 'smtp',
    async send(message) {
      const m = OutgoingEmail.parse(message);
      try {
        const info = await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
        return { id: info.messageId };
      } catch (err) {
        throw toEmailSendError(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** nodemailer sets `responseCode` when the server answered; without one the connection itself failed. */
export function toEmailSendError(err: unknown): EmailSendError {
  const e = err as { responseCode?: unknown; code?: unknown };
  const code = typeof e?.responseCode === 'number' ? e.responseCode : null;
  if (code !== null && code >= 500 && code < 600) return new EmailSendError(true, code, 'rejected');
  if (code !== null && code >= 400 && code < 500) return new EmailSendError(false, code, 'deferred');
  // ECONNECTION, ETIMEDOUT, ESOCKET, EDNS…: the server may be fine again in a minute.
  return new EmailSendError(false, code, typeof e?.code === 'string' ? e.code.toLowerCase() : 'transient');
}

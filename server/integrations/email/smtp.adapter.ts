import nodemailer from 'nodemailer';
import { type EmailPort, OutgoingEmail } from './email.port.ts';

/** Real SMTP through nodemailer (multipart text + HTML when html is given). */
export function createSmtpEmail(opts: { url: string; from: string }): EmailPort {
  const transport = nodemailer.createTransport(opts.url);
  return {
    name: 'smtp',
    async send(message) {
      const m = OutgoingEmail.parse(message);
      const info = await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
      return { id: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}

import type { Db } from '../../db/client.ts';
import { simulatedEmails } from './email.table.ts';
import { type EmailPort, OutgoingEmail } from './email.port.ts';

/** The embedded default: every message is stored, as a provider would accept it, for the outbox viewer and tests. */
export function createSimulatorEmail(db: Db): EmailPort {
  return {
    name: 'simulator',
    async send(message) {
      const m = OutgoingEmail.parse(message);
      const [row] = await db
        .insert(simulatedEmails)
        .values({ to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers ?? {} })
        .returning({ id: simulatedEmails.id });
      return { id: `sim-${row.id}` };
    },
  };
}

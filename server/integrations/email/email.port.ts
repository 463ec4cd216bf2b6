import { z } from 'zod';

export const OutgoingEmail = z.object({
  to: z.string().email(),
  subject: z.string().min(1),
  text: z.string().min(1),
  html: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});
export type OutgoingEmail = z.infer<typeof OutgoingEmail>;

/** The email port: the SMTP adapter and the simulator both implement it. */
export interface EmailPort {
  readonly name: 'smtp' | 'simulator';
  send(message: OutgoingEmail): Promise<{ id: string }>;
  close?(): Promise<void>;
}

/**
 * A send that failed, told apart the way SMTP tells it (RFC 5321 §4.2.1): a 5xx reply is
 * permanent (bad mailbox, rejected content; retrying only repeats it), a 4xx reply or a
 * connection failure is transient (the outbox retries with backoff). `code` is the SMTP
 * reply code, null when there was none (no connection).
 */
export class EmailSendError extends Error {
  constructor(
    readonly permanent: boolean,
    readonly code: number | null,
    /** Short machine reason for the outbox's status_reason, never the server's text (it can echo the address). */
    readonly reason: string,
  ) {
    super(`email send failed: ${reason}${code ? ` (${code})` : ''}`);
    this.name = 'EmailSendError';
  }
}

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

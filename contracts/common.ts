import { z } from 'zod';

export const Lang = z.enum(['ko', 'en', 'es']);
export type Lang = z.infer<typeof Lang>;
export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;
export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

/** Every error answer: a stable code, a message in the request's language, the field at fault. */
export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), requestId: z.string().optional() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const UsState = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'two-letter state code');

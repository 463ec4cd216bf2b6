import { z } from 'zod';
import { Lang } from './common.ts';

/**
 * Running the hotline: its settings (ring time, emergency alert delay, surge mode), the
 * callback queue worked oldest first (emergencies first), and calling more responders in.
 */
export const HotlineSettings = z.object({
  ringSeconds: z.number().int(),
  emergencyAlertSeconds: z.number().int(),
  surge: z.boolean(),
  surgeSince: z.string().nullable(),
});
export type HotlineSettings = z.infer<typeof HotlineSettings>;

export const HotlineSettingsPatch = z
  .object({
    /** How long each tier of phones rings before the call moves on (Twilio's Dial timeout allows 5–600). */
    ringSeconds: z.number().int().min(5).max(120),
    emergencyAlertSeconds: z.number().int().min(30).max(3600),
    surge: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type HotlineSettingsPatch = z.infer<typeof HotlineSettingsPatch>;

export const CallbackReason = z.enum(['voicemail', 'surge', 'missed', 'web']);
export const CallbackTask = z.object({
  id: z.uuid(),
  phone: z.string(),
  lang: Lang,
  reason: CallbackReason,
  emergency: z.boolean(),
  /** Where the voicemail can be heard (the provider's recording URL); null without one. */
  recordingUrl: z.string().nullable(),
  conversationId: z.uuid().nullable(),
  status: z.enum(['open', 'done']),
  claimedBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  /** 1-based place in the queue while open. */
  position: z.number().int().nullable(),
});
export type CallbackTask = z.infer<typeof CallbackTask>;
export const CallbackList = z.object({ items: z.array(CallbackTask), open: z.number().int() });
export type CallbackList = z.infer<typeof CallbackList>;
export const CallbackListQuery = z.object({ status: z.enum(['open', 'done']).default('open') });
export const CallbackDone = z.object({
  outcome: z.enum(['reached', 'voicemail_left', 'no_answer', 'wrong_number']),
});
export type CallbackDone = z.infer<typeof CallbackDone>;

export const CallInInput = z.object({
  /** Only responders who speak one of these (all when empty). */
  languages: z.array(Lang).default([]),
});
export type CallInInput = z.infer<typeof CallInInput>;
export const CallInResult = z.object({ texted: z.number().int(), withoutPhone: z.number().int() });
export type CallInResult = z.infer<typeof CallInResult>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const HotlineReportQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export type HotlineReportQuery = z.infer<typeof HotlineReportQuery>;
const Count = z.number().int();
export const HotlineReport = z.object({
  /** Days are counted in the affiliate's time zone. */
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  conversations: Count,
  byDay: z.array(z.object({ day: z.string(), sms: Count, voice: Count, web: Count })),
  byLanguage: z.array(z.object({ lang: Lang, count: Count })),
  byCategory: z.array(z.object({ category: z.string().nullable(), count: Count })),
  firstResponse: z.object({ answered: Count, unanswered: Count, p50Seconds: z.number().nullable(), p90Seconds: z.number().nullable() }),
  calls: z.object({ total: Count, answered: Count, voicemail: Count, missed: Count }),
  /** Now, whatever the period: what is still waiting for someone. */
  outstanding: z.object({ callbacks: Count, voicemails: Count, emergencies: Count }),
});
export type HotlineReport = z.infer<typeof HotlineReport>;

import { z } from 'zod';

/**
 * Cases: a conversation that needs more than an answer. Types match the hotline's triage
 * categories where they overlap, plus the kinds of legal work the network refers.
 */
export const CASE_TYPES = [
  'daca_renewal',
  'daca_initial',
  'naturalization',
  'tps',
  'detention',
  'adoptee_citizenship',
  'family_petition',
  'public_benefits',
  'other',
] as const;
export const CaseType = z.enum(CASE_TYPES);
export type CaseType = z.infer<typeof CaseType>;

export const CaseStatus = z.enum(['open', 'screening', 'in_progress', 'referred', 'filed', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const NoteKind = z.enum(['information', 'legal_advice']);
export type NoteKind = z.infer<typeof NoteKind>;
const isoDate = z.iso.date();

/**
 * Open a case from a hotline conversation (its person, language and triage come along) or
 * directly for a person on record. A conversation with nobody on record needs the name.
 */
export const OpenCaseInput = z
  .object({
    conversationId: z.uuid().optional(),
    personId: z.uuid().optional(),
    /** Defaults to the conversation's triage category where one fits. */
    type: CaseType.optional(),
    /** For a conversation whose member is not on record yet: a person is created with its phone. */
    newPerson: z.object({ givenName: z.string().trim().min(1).max(100), familyName: z.string().trim().max(100).optional(), nameKo: z.string().trim().max(100).optional() }).optional(),
  })
  .refine((v) => Boolean(v.conversationId) !== Boolean(v.personId), { message: 'conversation_or_person', path: ['conversationId'] });
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

export const CaseSummary = z.object({
  id: z.uuid(),
  type: CaseType,
  status: CaseStatus,
  lang: z.enum(['ko', 'en', 'es']),
  person: z.object({ id: z.uuid(), name: z.string() }),
  assignedTo: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  conversationId: z.uuid().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseEvent = z.object({ id: z.uuid(), kind: z.string(), at: z.string(), actor: z.object({ userId: z.uuid(), name: z.string() }).nullable(), data: z.record(z.string(), z.unknown()) });
export const CaseNote = z.object({ id: z.uuid(), kind: NoteKind, body: z.string(), at: z.string(), author: z.object({ userId: z.uuid(), name: z.string() }).nullable() });
export type CaseNote = z.infer<typeof CaseNote>;
export const CaseTask = z.object({ id: z.uuid(), title: z.string(), dueOn: isoDate.nullable(), assignedTo: z.uuid().nullable(), doneAt: z.string().nullable() });
export type CaseTask = z.infer<typeof CaseTask>;

export const DacaReminder = z.object({ daysBefore: z.number().int(), dueOn: isoDate, status: z.enum(['scheduled', 'sent', 'skipped_no_consent', 'cancelled']) });
export const DacaView = z.object({
  expiresOn: isoDate,
  lastApprovedOn: isoDate.nullable(),
  filedOn: isoDate.nullable(),
  kind: z.enum(['renewal', 'initial']),
  state: z.string(),
  windowOpensOn: isoDate,
  windowClosesOn: isoDate,
  reminders: z.array(DacaReminder),
});
export type DacaView = z.infer<typeof DacaView>;

export const CaseDetail = CaseSummary.extend({
  timeline: z.array(CaseEvent),
  notes: z.array(CaseNote),
  tasks: z.array(CaseTask),
  daca: DacaView.nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
export const CaseList = z.object({ items: z.array(CaseSummary) });
export type CaseList = z.infer<typeof CaseList>;

export const CaseStatusChange = z.object({ status: CaseStatus, version: z.number().int(), disposition: z.string().trim().max(60).optional() });
export const CaseNoteInput = z.object({ kind: NoteKind, body: z.string().trim().min(1).max(10_000) });
export type CaseNoteInput = z.infer<typeof CaseNoteInput>;
export const CaseTaskInput = z.object({ title: z.string().trim().min(1).max(200), dueOn: isoDate.optional(), assignedTo: z.uuid().optional() });
export type CaseTaskInput = z.infer<typeof CaseTaskInput>;
export const DacaInput = z.object({ expiresOn: isoDate, lastApprovedOn: isoDate.optional(), filedOn: isoDate.optional() });
export type DacaInput = z.infer<typeof DacaInput>;

export const CaseReportQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export type CaseReportQuery = z.infer<typeof CaseReportQuery>;
/** The figures a network reports to funders, per affiliate and period ("information to 14,210 people; 2,200 applications"). */
export const CaseReport = z.object({
  from: isoDate,
  to: isoDate,
  /** Hotline conversations closed as answered or referred with no case opened from them: information, not cases. */
  informationOnly: z.number().int(),
  casesOpened: z.object({ total: z.number().int(), byType: z.array(z.object({ type: CaseType, count: z.number().int() })) }),
  dacaRenewalsFiled: z.object({ total: z.number().int(), onTime: z.number().int() }),
  referrals: z.object({
    made: z.number().int(),
    accepted: z.number().int(),
    completed: z.number().int(),
    /** Hours from referral to consultation, for the referrals made in the period that reached one. */
    hoursToConsultation: z.object({ n: z.number().int(), p50: z.number().nullable(), p90: z.number().nullable() }),
  }),
});
export type CaseReport = z.infer<typeof CaseReport>;

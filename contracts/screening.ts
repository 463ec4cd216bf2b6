import { z } from 'zod';
import { CaseType } from './cases.ts';

/**
 * Screening forms: per case type, per affiliate, as versioned data. A form is a short list of
 * fields with labels in the three languages; the answers to one version are sealed on the
 * case, and what the rules conclude from them (findings) sits beside them in the clear.
 * Collect the minimum (DESIGN §3 rule 3): dates and yes/no flags, not a life story.
 */

export const SCREENING_FIELD_KINDS = ['date', 'yes_no', 'choice', 'text', 'a_number'] as const;
export const ScreeningFieldKind = z.enum(SCREENING_FIELD_KINDS);
export type ScreeningFieldKind = z.infer<typeof ScreeningFieldKind>;

const label = z.string().trim().min(1).max(300);
export const LocalizedText = z.object({ ko: label, en: label, es: label });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** camelCase keys: they name the answer in the sealed JSON and the field in errors. */
const fieldKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'camelCase, at most 40 characters');

export const ScreeningChoice = z.object({ value: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/), labels: LocalizedText });
export type ScreeningChoice = z.infer<typeof ScreeningChoice>;

export const ScreeningField = z
  .object({
    key: fieldKey,
    kind: ScreeningFieldKind,
    required: z.boolean(),
    labels: LocalizedText,
    help: LocalizedText.optional(),
    choices: z.array(ScreeningChoice).min(2).max(30).optional(),
    /** Identifies the person or tells their history: never copied out of the sealed answers, masked on screen until asked. */
    sensitive: z.boolean(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'choice' && !f.choices) ctx.addIssue({ code: 'custom', message: 'choices_required', path: ['choices'] });
    if (f.kind !== 'choice' && f.choices) ctx.addIssue({ code: 'custom', message: 'choices_only_for_choice', path: ['choices'] });
    if (f.choices && new Set(f.choices.map((c) => c.value)).size !== f.choices.length) ctx.addIssue({ code: 'custom', message: 'choice_values_unique', path: ['choices'] });
    if (f.kind === 'a_number' && !f.sensitive) ctx.addIssue({ code: 'custom', message: 'a_number_is_sensitive', path: ['sensitive'] });
  });
export type ScreeningField = z.infer<typeof ScreeningField>;

const fieldList = z
  .array(ScreeningField)
  .min(1)
  .max(30)
  .refine((fs) => new Set(fs.map((f) => f.key)).size === fs.length, { message: 'field_keys_unique' });

export const ScreeningDefinition = z.object({ version: z.number().int().min(1), fields: fieldList });
export type ScreeningDefinition = z.infer<typeof ScreeningDefinition>;

/** A new version: the server numbers it (the next after the latest), so none is sent. */
export const ScreeningFormInput = z.object({ definition: z.object({ fields: fieldList }) });
export type ScreeningFormInput = z.infer<typeof ScreeningFormInput>;

export const ScreeningForm = z.object({
  caseType: CaseType,
  version: z.number().int(),
  /** True when the affiliate has not made its own yet: Haven's shipped form, as version 1. */
  isDefault: z.boolean(),
  definition: ScreeningDefinition,
});
export type ScreeningForm = z.infer<typeof ScreeningForm>;

/** date: YYYY-MM-DD; yes_no: boolean; choice: one value; text, a_number: a string. null or absent: not answered. */
export const ScreeningAnswerValue = z.union([z.string().max(500), z.boolean(), z.null()]);
export const ScreeningAnswers = z.record(z.string().max(40), ScreeningAnswerValue);
export type ScreeningAnswers = z.infer<typeof ScreeningAnswers>;

export const ScreeningInput = z.object({
  formVersion: z.number().int().min(1),
  /** The case type the form was shown for; a mismatch (a stale page) is refused. */
  caseType: CaseType.optional(),
  answers: ScreeningAnswers,
});
export type ScreeningInput = z.infer<typeof ScreeningInput>;

const isoDate = z.iso.date();
export const ADOPTEE_LIKELY = ['yes', 'no', 'needs_review'] as const;

/** What the rules concluded: no identifiers, no history flags one by one. */
export const ScreeningFindings = z.object({
  daca: z
    .object({ kind: z.enum(['renewal', 'initial']), state: z.string(), windowOpensOn: isoDate, windowClosesOn: isoDate, remindersScheduled: z.number().int() })
    .optional(),
  /** Something in the answers (a history flag, travel without advance parole) needs an attorney or accredited representative. */
  reviewNeeded: z.boolean().optional(),
  naturalization: z.object({ yearsRequired: z.union([z.literal(3), z.literal(5)]), anniversaryOn: isoDate, earliestFilingOn: isoDate }).optional(),
  adoptee: z.object({ likelyCovered: z.enum(ADOPTEE_LIKELY), reasons: z.array(z.string()) }).optional(),
});
export type ScreeningFindings = z.infer<typeof ScreeningFindings>;

export const CaseScreening = z.object({
  formVersion: z.number().int(),
  answers: ScreeningAnswers,
  findings: ScreeningFindings,
  updatedAt: z.string(),
  updatedBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
});
export type CaseScreening = z.infer<typeof CaseScreening>;

/** A case's screening: the form to show (the version answered, else the latest) and the answers, if any. */
export const CaseScreeningView = z.object({
  caseId: z.uuid(),
  caseType: CaseType,
  form: ScreeningForm,
  screening: CaseScreening.nullable(),
});
export type CaseScreeningView = z.infer<typeof CaseScreeningView>;

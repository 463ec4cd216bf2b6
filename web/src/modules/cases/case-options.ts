import type { CaseStatus, CaseType, NoteKind } from '../../../../contracts/cases.ts';
import type { Category } from '../../../../contracts/hotline.ts';

/*
 * The contract's value lists, repeated as plain arrays so the web bundle does not carry Zod;
 * `satisfies` plus the exhaustive check below make the type checker say when they drift.
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
] as const satisfies readonly CaseType[];
export const CASE_STATUSES = ['open', 'screening', 'in_progress', 'referred', 'filed', 'closed'] as const satisfies readonly CaseStatus[];
export const NOTE_KINDS = ['information', 'legal_advice'] as const satisfies readonly NoteKind[];
/** The list's status filter: "live" (everything not closed, the server's default) or one status. */
export const STATUS_FILTERS = ['live', ...CASE_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
export const everyValueListed: [Missing<CaseType, (typeof CASE_TYPES)[number]>, Missing<CaseStatus, (typeof CASE_STATUSES)[number]>, Missing<NoteKind, (typeof NOTE_KINDS)[number]>] = [
  true,
  true,
  true,
];

/** Types with a DACA panel (expiry, filing window, reminders). */
export const isDacaType = (type: CaseType) => type === 'daca_renewal' || type === 'daca_initial';

/** The limits the contract puts on inputs, so the inputs stop where the server would refuse. */
export const NOTE_MAX_CHARS = 10_000;
export const TASK_TITLE_MAX_CHARS = 200;
export const DISPOSITION_MAX_CHARS = 60;
export const NAME_MAX_CHARS = 100;

export interface CaseFilters {
  status: StatusFilter;
  type?: CaseType;
  mine: boolean;
}

const pick = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** The filters in a URL, with anything unknown dropped (an old bookmark must not break the page). */
export function filtersFromParams(params: URLSearchParams): CaseFilters {
  return { status: pick(STATUS_FILTERS, params.get('status')) ?? 'live', type: pick(CASE_TYPES, params.get('type')), mine: params.get('mine') === 'true' };
}

/** Defaults stay out of the URL, so the plain /cases is the usual view. */
export function paramsFromFilters(f: CaseFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status !== 'live') p.set('status', f.status);
  if (f.type) p.set('type', f.type);
  if (f.mine) p.set('mine', 'true');
  return p;
}

/** The hotline's triage categories → the case type "Open a case" starts with (the server applies the same default). */
export { TYPE_FROM_CATEGORY } from '../../../../contracts/case-workflow.ts';

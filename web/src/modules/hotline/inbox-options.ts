import type { Lang } from '../../../../contracts/common.ts';
import type { AssignedFilter, Category, ConversationChannel, ConversationStatus, Disposition, Urgency } from '../../../../contracts/hotline.ts';
import type { InboxFilters } from './hotline.api.ts';

/*
 * The contract's value lists, repeated as plain arrays so the web bundle does not carry Zod;
 * `satisfies` plus the exhaustive checks below make the type checker say when they drift.
 */
export const STATUSES = ['open', 'closed'] as const satisfies readonly ConversationStatus[];
export const ASSIGNED = ['me', 'unassigned', 'any'] as const satisfies readonly AssignedFilter[];
export const LANGS = ['ko', 'en', 'es'] as const satisfies readonly Lang[];
export const URGENCIES = ['emergency', 'urgent', 'routine'] as const satisfies readonly Urgency[];
export const CHANNELS = ['sms', 'voice', 'web'] as const satisfies readonly ConversationChannel[];
export const CATEGORIES = [
  'daca_renewal',
  'daca_first',
  'naturalization',
  'tps',
  'enforcement',
  'adoptee_citizenship',
  'public_benefits',
  'other',
] as const satisfies readonly Category[];
export const DISPOSITIONS = ['answered', 'referred', 'case_opened', 'no_response', 'wrong_number', 'spam', 'duplicate', 'other'] as const satisfies readonly Disposition[];

type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
// Each line fails to compile if the contract gains a value these lists lack.
export const everyValueListed: [
  Missing<Category, (typeof CATEGORIES)[number]>,
  Missing<Disposition, (typeof DISPOSITIONS)[number]>,
  Missing<Urgency, (typeof URGENCIES)[number]>,
  Missing<ConversationChannel, (typeof CHANNELS)[number]>,
  Missing<Lang, (typeof LANGS)[number]>,
] = [true, true, true, true, true];

/** Replies longer than this are refused by the server (Twilio's limit for one text). */
export const REPLY_MAX_CHARS = 1600;
export const NOTE_MAX_CHARS = 5000;

const pick = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** The filters in a URL, with anything unknown dropped (an old bookmark must not break the page). */
export function filtersFromParams(params: URLSearchParams): InboxFilters {
  return {
    status: pick(STATUSES, params.get('status')) ?? 'open',
    assigned: pick(ASSIGNED, params.get('assigned')) ?? 'any',
    lang: pick(LANGS, params.get('lang')),
    urgency: pick(URGENCIES, params.get('urgency')),
    channel: pick(CHANNELS, params.get('channel')),
    category: pick(CATEGORIES, params.get('category')),
  };
}

/** Defaults are left out, so the plain inbox is plain /hotline. */
export function paramsFromFilters(f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status !== 'open') p.set('status', f.status);
  if (f.assigned !== 'any') p.set('assigned', f.assigned);
  for (const k of ['lang', 'urgency', 'channel', 'category'] as const) if (f[k]) p.set(k, f[k]!);
  return p;
}

/** How many of the "more filters" are set (status counts when it is not the default). */
export const activeFilterCount = (f: InboxFilters) => [f.status !== 'open', f.lang, f.urgency, f.channel, f.category].filter(Boolean).length;

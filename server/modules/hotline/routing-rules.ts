import type { Lang } from '../../platform/i18n/i18n.ts';

/**
 * Who gets a new conversation (pure; routing.ts feeds it the people on call and their load):
 * - only primary and backup responders on call now take conversations automatically (the
 *   coordinator works the unassigned queue and is alerted for emergencies);
 * - they must speak the conversation's language;
 * - they must be under their own limit of open conversations (maxOpen);
 * - primaries before backups; then the fewest open conversations; then whoever was given
 *   one longest ago (so two idle responders take turns); then a stable order.
 * Nobody suitable → unassigned, with the reason (shown in the timeline).
 */
export interface RoutingCandidate {
  userId: string;
  role: 'primary' | 'backup' | 'coordinator';
  languages: readonly string[];
  maxOpen: number;
  /** Open conversations assigned to them now. */
  open: number;
  /** When they were last given an open conversation (null: they have none). */
  lastAssignedAt: Date | null;
}

export type RoutingDecision =
  | { kind: 'assign'; userId: string; role: 'primary' | 'backup' }
  | { kind: 'unassigned'; reason: 'nobody_on_call' | 'no_language_match' | 'all_at_capacity' };

const TIER = { primary: 0, backup: 1 } as const;

export function chooseResponder(candidates: RoutingCandidate[], lang: Lang): RoutingDecision {
  if (!candidates.length) return { kind: 'unassigned', reason: 'nobody_on_call' };
  const speakers = candidates.filter((c) => c.role !== 'coordinator' && c.languages.includes(lang));
  if (!speakers.length) return { kind: 'unassigned', reason: 'no_language_match' };
  const free = speakers.filter((c) => c.open < c.maxOpen);
  if (!free.length) return { kind: 'unassigned', reason: 'all_at_capacity' };
  free.sort(
    (a, b) =>
      TIER[a.role as 'primary' | 'backup'] - TIER[b.role as 'primary' | 'backup'] ||
      a.open - b.open ||
      (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
      a.userId.localeCompare(b.userId),
  );
  const best = free[0];
  return { kind: 'assign', userId: best.userId, role: best.role as 'primary' | 'backup' };
}

/**
 * One row per person: a responder on call twice at once (a shift and an override) keeps
 * the role that routes them first, and the union of the languages listed.
 */
export function mergeOnCall<T extends { userId: string; role: RoutingCandidate['role']; languages: readonly string[]; maxOpen: number }>(rows: T[]): T[] {
  const rank = { primary: 0, backup: 1, coordinator: 2 } as const;
  const byUser = new Map<string, T>();
  for (const r of rows) {
    const seen = byUser.get(r.userId);
    if (!seen) {
      byUser.set(r.userId, r);
      continue;
    }
    const keep = rank[r.role] < rank[seen.role] ? r : seen;
    byUser.set(r.userId, { ...keep, languages: [...new Set([...seen.languages, ...r.languages])], maxOpen: Math.max(seen.maxOpen, r.maxOpen) });
  }
  return [...byUser.values()];
}

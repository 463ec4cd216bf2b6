import type { DbOrTx } from '../../db/client.ts';
import { loadOverridesAround, loadShiftsAround, onCallResponders } from './on-call.ts';
import { concreteIntervals } from './shift-times.ts';

const LOOK_AHEAD_MS = 8 * 86_400_000;
const MAX_CHECKS = 12;

/**
 * When the hotline is next staffed after `now` (someone, anyone, on call), for the
 * after-hours reply and the web form's answer; null when no shift is scheduled in the next
 * eight days. Candidate start times come from the schedule (shifts less time off, plus
 * cover); each is confirmed with onCallResponders, which also knows who is still an active
 * responder, so a shift of someone who has left is not promised.
 */
export async function nextStaffedAt(db: DbOrTx, orgId: string, now: Date): Promise<Date | null> {
  const to = new Date(now.getTime() + LOOK_AHEAD_MS);
  const shifts = await loadShiftsAround(db, orgId, now, to);
  const overrides = await loadOverridesAround(db, orgId, now, to);
  const starts = [...new Set(concreteIntervals(shifts, overrides, now, to).map((i) => i.start.getTime()).filter((t) => t > now.getTime()))].sort((a, b) => a - b);
  for (const start of starts.slice(0, MAX_CHECKS)) {
    if ((await onCallResponders(db, orgId, new Date(start))).length) return new Date(start);
  }
  return null;
}

import type { OnCallNow } from '../../../contracts/hotline-shifts.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { HOTLINE_LANGS } from './hotline.table.ts';
import { onCallResponders } from './on-call.ts';
import { displayNames } from './shift-schedule.ts';

/**
 * Who is on call at an instant (default now), by role and language, and which languages
 * have a gap. A language counts as covered when someone answering calls (primary or backup)
 * speaks it; a coordinator alone is the last tier of escalation, not coverage, so the
 * language is still listed in `gaps` (and in `uncovered` only when nobody at all speaks it).
 */
export async function getOnCallNow({ ctx, input }: { ctx: Ctx; input: { at?: string } }): Promise<OnCallNow> {
  const orgId = requireOrg(ctx);
  const at = input.at ? new Date(input.at) : new Date();
  return inTx(ctx, async (tx) => {
    const list = await onCallResponders(tx.db, orgId, at);
    const names = await displayNames(tx, list.map((r) => r.userId));
    const byLanguage = { ko: [] as string[], en: [] as string[], es: [] as string[] };
    const answering = new Set<string>();
    for (const r of list) {
      for (const lang of r.languages) {
        byLanguage[lang].push(r.userId);
        if (r.role !== 'coordinator') answering.add(lang);
      }
    }
    return {
      at: at.toISOString(),
      responders: list.map((r) => ({ userId: r.userId, displayName: names.get(r.userId) ?? '', role: r.role, roles: r.roles, languages: r.languages })),
      byLanguage,
      gaps: HOTLINE_LANGS.filter((l) => !answering.has(l)),
      uncovered: HOTLINE_LANGS.filter((l) => byLanguage[l].length === 0),
    };
  });
}

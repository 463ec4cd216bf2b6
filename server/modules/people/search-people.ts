import type { PeopleQuery } from '../../../contracts/people.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { queryReadings } from './name-keys.ts';
import { type PeopleFilter, peopleRepo } from './people.repository.ts';
import { toSummary } from './person-view.ts';
import { looksLikePhone, toE164 } from './phone.ts';

/** Search by name (Hangul or any romanization) or by phone in any format, with filters. */
export async function searchPeople({ ctx, input }: { ctx: Ctx; input: PeopleQuery }) {
  const orgId = requireOrg(ctx);
  const q = input.q?.trim() ?? '';
  const filter: PeopleFilter = { nameReadings: [], phone: null, language: input.language, state: input.state, zip: input.zip };
  if (q && looksLikePhone(q)) {
    filter.phone = { e164: toE164(q), digits: q.replace(/\D/g, '').slice(-10) };
  } else if (q) {
    filter.nameReadings = queryReadings(q);
  }
  return inTx(ctx, async (tx) => {
    const { items, total, totalCapped } = await peopleRepo.search(tx.db, orgId, filter, input.limit, input.offset);
    return { items: items.map(toSummary), total, totalCapped };
  });
}

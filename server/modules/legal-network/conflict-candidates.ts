import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { conflictKeysOf } from '../people/people.repository.ts';
import { type ConflictHit, conflictSearchKeys, findConflicts, type Party } from './conflict-match.ts';

/**
 * The conflict check against the people of the network (or of some affiliates): the SQL
 * pre-filter on `people.conflict_keys` (GIN index people_conflict_keys_idx) narrows a
 * million people to the few sharing a key with the party, then matchParty decides. Keys
 * are names only (people.repository.ts conflictKeysOf: dates of birth are sealed), so the
 * party's keys are built the same way, without a date token.
 *
 * Row-level security: `networkWide` means every affiliate, which only the system
 * connection (table owner) sees; run as haven_app inside an org's transaction the same
 * query returns that org's people alone, whatever the scope says.
 */

/** Rows read per check. A name shared by more people than this (a very common name with no rarer key) is reported truncated. */
export const CANDIDATE_LIMIT = 200;

export type ConflictScope = { orgIds: string[] } | { networkWide: true };

export type CandidateMatch = ConflictHit & {
  orgId: string;
  givenName: string;
  familyName: string;
  nameKo: string | null;
};

export interface CandidateResult {
  matches: CandidateMatch[];
  /** Rows the pre-filter returned (at most CANDIDATE_LIMIT). */
  candidates: number;
  /** More rows shared a key than were read: some matches may be missing. */
  truncated: boolean;
}

interface Row {
  id: string;
  given_name: string;
  family_name: string;
  name_ko: string | null;
  other_names: string | null;
  org_id: string;
  date_of_birth_enc: string | null;
}

const splitOtherNames = (s: string | null) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/** The party's keys as stored people's keys are built (no date token). */
export const partyConflictKeys = (party: Party): string[] => conflictSearchKeys(party);

/** The pre-filter alone: ids of people sharing a key (the statement conflictCandidates runs, for benchmarks and EXPLAIN). */
export function candidateQuery(keys: string[], scope: ConflictScope, limit = CANDIDATE_LIMIT + 1) {
  const orgFilter = 'orgIds' in scope ? sql`and org_id = any(${sql.param(scope.orgIds)}::uuid[])` : sql``;
  return sql`
    select id, given_name, family_name, name_ko, other_names, org_id, date_of_birth_enc
    from people
    where conflict_keys && ${sql.param(keys)}::text[]
      and merged_into_id is null
      ${orgFilter}
    limit ${limit}`;
}

export async function conflictCandidates(db: DbOrTx, party: Party, opts: ConflictScope & { keyring: Keyring }): Promise<CandidateResult> {
  const keys = partyConflictKeys(party);
  if (!keys.length || ('orgIds' in opts && !opts.orgIds.length)) return { matches: [], candidates: 0, truncated: false };
  const rows = await queryRows<Row>(db, candidateQuery(keys, opts));
  const truncated = rows.length > CANDIDATE_LIMIT;
  const read = rows.slice(0, CANDIDATE_LIMIT);
  const asParty = (r: Row, birthDate: string | null): Party & { id: string } => ({
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    nameKo: r.name_ko,
    otherNames: splitOtherNames(r.other_names),
    birthDate,
  });
  // Dates are opened only when the party has one (otherwise they cannot change the answer);
  // opening is cheap next to matching (a cached key and one AES-GCM open per row).
  const parties: (Party & { id: string })[] = [];
  for (const r of read) {
    const birthDate = party.birthDate && r.date_of_birth_enc ? await opts.keyring.decryptNullable(db, r.org_id, r.date_of_birth_enc) : null;
    parties.push(asParty(r, birthDate));
  }
  const byId = new Map(read.map((r) => [r.id, r]));
  const matches = findConflicts(party, parties).map((m) => {
    const r = byId.get(m.id)!;
    return { ...m, orgId: r.org_id, givenName: r.given_name, familyName: r.family_name, nameKo: r.name_ko };
  });
  return { matches, candidates: read.length, truncated };
}

/**
 * Give conflict keys to people who have none (rows from before migration 0022; new and
 * edited rows get them in create/update/merge), `batch` rows per statement, walking ids in
 * order so a name that yields no key is not read twice. Run as the system (all affiliates).
 * Keys built under an older CONFLICT_KEYS_VERSION are not detected here: after a bump,
 * clear the column (`update people set conflict_keys = '{}'`) and run this again.
 * Returns the number of rows updated.
 */
export async function backfillConflictKeys(db: DbOrTx, batch = 5_000): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let updated = 0;
  for (;;) {
    const rows = await queryRows<Pick<Row, 'id' | 'given_name' | 'family_name' | 'name_ko' | 'other_names'>>(
      db,
      sql`select id, given_name, family_name, name_ko, other_names from people
          where conflict_keys = '{}'::text[] and id > ${after}::uuid order by id limit ${batch}`,
    );
    if (!rows.length) return updated;
    after = rows[rows.length - 1].id;
    const keyed = rows.map((r) => ({ id: r.id, keys: conflictKeysOf({ givenName: r.given_name, familyName: r.family_name, nameKo: r.name_ko, otherNames: r.other_names }) }));
    const some = keyed.filter((k) => k.keys.length);
    if (some.length) {
      // One JSON array per row: arrays of arrays do not pass through unnest row by row.
      await db.execute(sql`
        update people p set conflict_keys = array(select jsonb_array_elements_text(t.k::jsonb))
        from unnest(${sql.param(some.map((k) => k.id))}::uuid[], ${sql.param(some.map((k) => JSON.stringify(k.keys)))}::text[]) as t(id, k)
        where p.id = t.id`);
      updated += some.length;
    }
  }
}

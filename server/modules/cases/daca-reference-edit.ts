import { desc, eq, like } from 'drizzle-orm';
import type { DacaReferenceInput, DacaReferenceState, DacaReferenceValues, DacaReferenceVersion } from '../../../contracts/daca.ts';
import type { DbOrTx } from '../../db/client.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { referenceData } from './cases.table.ts';
import { DacaReference, DEFAULT_DACA_REFERENCE } from './daca-reference.ts';

/**
 * Reading and changing the network's DACA reference data (daca-reference.ts says why it is
 * data). The current version is the `reference_data` row `daca`, which every reader
 * (dacaReference in daca-records.ts) uses; each replaced version is kept beside it as the
 * row `daca@v<n>` with the time it was in force, so a past reminder or report can be
 * explained by the figures of its day. Old rows are never rewritten.
 *
 * Only the network office changes it (org.settings in an org of kind `network`): the
 * figures are USCIS's, the same for every affiliate.
 */
const KEY = 'daca';
const historyKey = (version: number) => `${KEY}@v${version}`;
const HISTORY_LIMIT = 50;
const DEFAULT_NOTE = 'Shipped with Haven (USCIS DACA page and fee schedule G-1055, checked late 2025).';

type Row = typeof referenceData.$inferSelect;

/** What a stored value adds to the reference itself. */
interface Stored extends DacaReference {
  version: number;
  sourceNote: string;
  validFrom: string | null;
  validUntil?: string | null;
}

function versionOf(row: Row | undefined): DacaReferenceVersion {
  const raw = (row?.value ?? {}) as Partial<Stored>;
  const parsed = row ? DacaReference.safeParse(raw) : null;
  // An unreadable stored copy is what dacaReference() ignores too: show the defaults it falls back to.
  if (!row || !parsed?.success) {
    return { ...DEFAULT_DACA_REFERENCE, version: typeof raw.version === 'number' ? raw.version : 0, sourceNote: DEFAULT_NOTE, validFrom: null, validUntil: null };
  }
  return {
    ...parsed.data,
    version: typeof raw.version === 'number' ? raw.version : 1,
    sourceNote: typeof raw.sourceNote === 'string' && raw.sourceNote ? raw.sourceNote : DEFAULT_NOTE,
    // null: the shipped defaults, kept as version 0 when the first version replaced them.
    validFrom: typeof raw.validFrom === 'string' ? raw.validFrom : raw.validFrom === null ? null : row.updatedAt.toISOString(),
    validUntil: typeof raw.validUntil === 'string' ? raw.validUntil : null,
  };
}

async function isNetworkOffice(db: DbOrTx, orgId: string): Promise<boolean> {
  const [org] = await db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, orgId));
  return org?.kind === 'network';
}

export async function getDacaReference({ ctx }: { ctx: Ctx; input?: undefined }): Promise<DacaReferenceState> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [current] = await tx.db.select().from(referenceData).where(eq(referenceData.key, KEY));
    const older = await tx.db
      .select()
      .from(referenceData)
      .where(like(referenceData.key, `${KEY}@v%`))
      .orderBy(desc(referenceData.updatedAt))
      .limit(HISTORY_LIMIT);
    const canEdit = Boolean(ctx.actor?.permissions.has('org.settings')) && (await isNetworkOffice(tx.db, orgId));
    return { current: versionOf(current), history: older.map(versionOf).sort((a, b) => b.version - a.version), canEdit };
  });
}

/** The rules between fields, each named by the field a person would correct. */
export function checkDacaReference(v: DacaReferenceValues, today: string): AppError | null {
  const days = v.reminderDaysBefore;
  if (new Set(days).size !== days.length) return invalid('reminder_days_duplicate', 'reminderDaysBefore');
  if (days.some((d, i) => i > 0 && d > days[i - 1])) return invalid('reminder_days_order', 'reminderDaysBefore');
  if (v.filingWindow.opensDaysBefore <= v.filingWindow.closesDaysBefore) return invalid('filing_window_order', 'opensDaysBefore');
  if (v.checkedOn > today) return invalid('date_in_future', 'checkedOn');
  return null;
}

/**
 * Replace the reference data with a new version. `version` is the one the editor saw: if
 * someone saved in between, 409 (nothing written). Reminders already scheduled keep their
 * days; setDaca schedules from the new days from now on, and the renewals list, the
 * reminder texts and the reports read the new window and one-year rule at once.
 */
export async function updateDacaReference({ ctx, input }: { ctx: Ctx; input: DacaReferenceInput }): Promise<DacaReferenceState> {
  const orgId = requireOrg(ctx);
  await inTx(ctx, async (tx) => {
    // Who may change it comes before what is wrong with it.
    if (!(await isNetworkOffice(tx.db, orgId))) throw new AppError('network_office_only', 403);
    const problem = checkDacaReference(input, new Date().toISOString().slice(0, 10));
    if (problem) throw problem;
    const [row] = await tx.db.select().from(referenceData).where(eq(referenceData.key, KEY)).for('update');
    const current = versionOf(row);
    if (input.version !== current.version) throw conflict('reference_stale', { version: current.version }, 'version');
    const now = new Date();
    const me = ctx.actor?.userId ?? null;
    const { version: _seen, ...values } = input;
    const next: Stored = { ...values, version: current.version + 1, validFrom: now.toISOString() };
    if (row) {
      // The replaced version, with when it was in force. A unique key per version: two saves
      // racing past the lock on different processes cannot both archive the same one.
      await tx.db.insert(referenceData).values({
        key: historyKey(current.version),
        value: { ...(row.value as object), version: current.version, validFrom: current.validFrom, validUntil: now.toISOString() },
        checkedOn: row.checkedOn,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      });
      await tx.db.update(referenceData).set({ value: { ...next }, checkedOn: next.checkedOn, updatedBy: me, updatedAt: now }).where(eq(referenceData.key, KEY));
    } else {
      const inserted = await tx.db
        .insert(referenceData)
        .values({ key: KEY, value: { ...next }, checkedOn: next.checkedOn, updatedBy: me, updatedAt: now })
        .onConflictDoNothing()
        .returning({ key: referenceData.key });
      // Someone saved the first version at the same moment.
      if (!inserted.length) throw conflict('reference_stale', { version: current.version }, 'version');
      // The shipped defaults were in force until now: kept as version 0, so the history starts where the tracker did.
      const { validFrom: _never, validUntil: _open, ...shipped } = current;
      await tx.db.insert(referenceData).values({ key: historyKey(0), value: { ...shipped, validFrom: null, validUntil: now.toISOString() }, checkedOn: current.checkedOn, updatedBy: null, updatedAt: now });
    }
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => JSON.stringify(values[k]) !== JSON.stringify(current[k])).sort();
    await audit(tx, { action: 'daca.reference_update', entityType: 'reference_data', details: { key: KEY, from: current.version, to: next.version, changed } });
  });
  return getDacaReference({ ctx });
}

import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Alert, AlertSummary, AlertVersion } from '../../../contracts/alerts.ts';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { messagingSenders } from '../messaging/index.ts';
import { organizations, users } from '../organizations/organizations.table.ts';
import { alerts, alertSettings, alertVersions } from './alerts.table.ts';

export type AlertRow = typeof alerts.$inferSelect;
export type AlertVersionRow = typeof alertVersions.$inferSelect;
type Lang = AlertVersionRow['lang'];

/** Used until an org saves its own (the column default in alert_settings says the same). */
export const DEFAULT_TWO_PERSON_THRESHOLD = 500;

const LANG_ORDER: Record<Lang, number> = { ko: 0, en: 1, es: 2 };

/** The alert tables' reads and writes that more than one verb needs. */
export const alertsRepo = {
  /** The alert, locked for the rest of the transaction; another org's or a missing one is a 404 (DESIGN §3 rule 2). */
  async lock(db: DbOrTx, orgId: string, id: string): Promise<AlertRow> {
    const [row] = await db.select().from(alerts).where(and(eq(alerts.orgId, orgId), eq(alerts.id, id))).for('update');
    if (!row) throw notFound('alert');
    return row;
  },
  async find(db: DbOrTx, orgId: string, id: string): Promise<AlertRow> {
    const [row] = await db.select().from(alerts).where(and(eq(alerts.orgId, orgId), eq(alerts.id, id)));
    if (!row) throw notFound('alert');
    return row;
  },
  async findByRequestId(db: DbOrTx, orgId: string, requestId: string): Promise<AlertRow | null> {
    const [row] = await db.select().from(alerts).where(and(eq(alerts.orgId, orgId), eq(alerts.requestId, requestId)));
    return row ?? null;
  },
  /** Null when another transaction holds the same request id (the unique index decides; the caller reads the winner). */
  async insert(db: DbOrTx, values: typeof alerts.$inferInsert): Promise<AlertRow | null> {
    const [row] = await db.insert(alerts).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  /** Change the alert and bump its version (the optimistic lock every edit and move checks). */
  async update(db: DbOrTx, row: AlertRow, set: Partial<typeof alerts.$inferInsert>, opts: { editedBy?: string | null } = {}): Promise<AlertRow> {
    const editors = opts.editedBy ? { editors: sql`array(select distinct unnest(${alerts.editors} || ${opts.editedBy}::uuid))` } : {};
    const [updated] = await db
      .update(alerts)
      .set({ ...set, ...editors, updatedAt: new Date(), version: sql`${alerts.version} + 1` })
      .where(eq(alerts.id, row.id))
      .returning();
    return updated;
  },
  async list(db: DbOrTx, orgId: string, limit = 200): Promise<AlertRow[]> {
    return db.select().from(alerts).where(eq(alerts.orgId, orgId)).orderBy(desc(alerts.createdAt), desc(alerts.id)).limit(limit);
  },

  async versions(db: DbOrTx, alertIds: string[]): Promise<AlertVersionRow[]> {
    if (!alertIds.length) return [];
    const rows = await db.select().from(alertVersions).where(inArray(alertVersions.alertId, alertIds)).orderBy(asc(alertVersions.lang));
    return rows.sort((a, b) => LANG_ORDER[a.lang] - LANG_ORDER[b.lang]);
  },
  /** Write a language's texts; any edit sends the translation back to draft (it must be reviewed again). */
  async putVersion(db: DbOrTx, v: { alertId: string; orgId: string; lang: Lang; smsBody: string; emailSubject: string; emailBody: string; userId: string | null }) {
    const now = new Date();
    const values = { smsBody: v.smsBody, emailSubject: v.emailSubject, emailBody: v.emailBody, status: 'draft' as const, reviewedBy: null, reviewedAt: null, updatedBy: v.userId, updatedAt: now };
    await db.insert(alertVersions).values({ alertId: v.alertId, orgId: v.orgId, lang: v.lang, ...values }).onConflictDoUpdate({ target: [alertVersions.alertId, alertVersions.lang], set: values });
  },
  async setVersionStatus(db: DbOrTx, alertId: string, lang: Lang, set: Pick<typeof alertVersions.$inferInsert, 'status' | 'reviewedBy' | 'reviewedAt'>) {
    await db.update(alertVersions).set(set).where(and(eq(alertVersions.alertId, alertId), eq(alertVersions.lang, lang)));
  },

  async userNames(db: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
    if (!wanted.length) return new Map();
    const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async summaries(db: DbOrTx, rows: AlertRow[]): Promise<AlertSummary[]> {
    if (!rows.length) return [];
    const versions = await alertsRepo.versions(db, rows.map((r) => r.id));
    const names = await alertsRepo.userNames(db, rows.map((r) => r.createdBy));
    return rows.map((r) => toSummary(r, versions.filter((v) => v.alertId === r.id), names));
  },
  async view(db: DbOrTx, row: AlertRow, approvalBlockedReason: Alert['approvalBlockedReason'], versions?: AlertVersionRow[]): Promise<Alert> {
    const vs = versions ?? (await alertsRepo.versions(db, [row.id]));
    const names = await alertsRepo.userNames(db, [row.createdBy, row.approvedBy, ...vs.map((v) => v.reviewedBy)]);
    const who = (id: string | null) => (id ? { userId: id, name: names.get(id) ?? '' } : null);
    return {
      ...toSummary(row, vs, names),
      audience: row.audience,
      versions: vs.map((v): AlertVersion => ({
        lang: v.lang, smsBody: v.smsBody, emailSubject: v.emailSubject, emailBody: v.emailBody, status: v.status,
        reviewedBy: who(v.reviewedBy), reviewedAt: v.reviewedAt?.toISOString() ?? null, updatedAt: v.updatedAt.toISOString(),
      })),
      approvedBy: who(row.approvedBy),
      approvedAt: row.approvedAt?.toISOString() ?? null,
      approvalBlockedReason,
    };
  },

  async orgKind(db: DbOrTx, orgId: string): Promise<'network' | 'affiliate'> {
    const [org] = await db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, orgId));
    return org?.kind ?? 'affiliate';
  },
  /** The ids among `ids` that are the org's affiliates (parent_id). organizations is directory data, not behind RLS. */
  async affiliatesAmong(db: DbOrTx, networkId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.parentId, networkId), inArray(organizations.id, ids)));
    return new Set(rows.map((r) => r.id));
  },
  async statesServed(db: DbOrTx, orgIds: string[]): Promise<string[]> {
    if (!orgIds.length) return [];
    const rows = await db.select({ states: organizations.statesServed }).from(organizations).where(inArray(organizations.id, orgIds));
    return [...new Set(rows.flatMap((r) => r.states))];
  },
  /**
   * The pacing (segments per second) of each org's default sender, the one an alert's texts
   * go out through. Senders are behind RLS, so each org is read with that org set, and the
   * transaction's org is set back at the end (as audienceSummary does).
   */
  async defaultSenderPacing(db: DbOrTx, orgIds: string[]): Promise<{ orgId: string; segmentsPerSecond: number | null }[]> {
    const [{ current }] = await queryRows<{ current: string | null }>(db, sql`select current_setting('haven.org_id', true) as current`);
    const out: { orgId: string; segmentsPerSecond: number | null }[] = [];
    try {
      for (const orgId of orgIds) {
        await db.execute(sql`select set_config('haven.org_id', ${orgId}, true)`);
        const [s] = await db
          .select({ pace: messagingSenders.segmentsPerSecond })
          .from(messagingSenders)
          .where(and(eq(messagingSenders.orgId, orgId), eq(messagingSenders.isDefault, true)));
        out.push({ orgId, segmentsPerSecond: s?.pace ?? null });
      }
    } finally {
      await db.execute(sql`select set_config('haven.org_id', ${current ?? ''}, true)`);
    }
    return out;
  },

  async threshold(db: DbOrTx, orgId: string): Promise<number> {
    const [s] = await db.select({ t: alertSettings.twoPersonThreshold }).from(alertSettings).where(eq(alertSettings.orgId, orgId));
    return s?.t ?? DEFAULT_TWO_PERSON_THRESHOLD;
  },
  async setThreshold(db: DbOrTx, orgId: string, twoPersonThreshold: number) {
    const set = { twoPersonThreshold, updatedAt: new Date() };
    await db.insert(alertSettings).values({ orgId, ...set }).onConflictDoUpdate({ target: alertSettings.orgId, set });
  },
};

function toSummary(r: AlertRow, versions: AlertVersionRow[], names: Map<string, string>): AlertSummary {
  return {
    id: r.id, title: r.title, topic: r.topic, kind: r.kind, parentId: r.parentId, status: r.status, sourceLang: r.sourceLang,
    emergency: r.emergency, langs: versions.map((v) => v.lang), recipients: r.recipients,
    createdBy: r.createdBy ? { userId: r.createdBy, name: names.get(r.createdBy) ?? '' } : null,
    createdAt: r.createdAt.toISOString(), scheduledAt: r.scheduledAt?.toISOString() ?? null,
    startedAt: r.startedAt?.toISOString() ?? null, finishedAt: r.finishedAt?.toISOString() ?? null, version: r.version,
  };
}

/** The optimistic lock: the version the editor saw must still be the alert's. */
export function checkVersion(row: AlertRow, expectedVersion: number) {
  if (row.version !== expectedVersion) throw conflict('stale_version', { version: row.version }, 'expectedVersion');
}

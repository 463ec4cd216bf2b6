import { sql } from 'drizzle-orm';
import { Audience } from '../../../contracts/alerts.ts';
import type { DbOrTx } from '../../db/client.ts';
import { audienceOrgs, audienceSelect } from './audience-query.ts';

type Lang = 'ko' | 'en' | 'es';

export interface FanOutAlert {
  id: string;
  orgId: string;
  kind: 'alert' | 'correction' | 'retraction';
  parentId: string | null;
  topic: string;
  sourceLang: Lang;
  audience: unknown;
}

/**
 * Write an alert's deliveries in one statement: the audience SELECT (audience-query.ts) goes
 * straight into alert_deliveries, so a million rows never pass through JavaScript. A
 * correction or retraction goes to exactly the people the parent reached (its deliveries the
 * outbox sent or delivered), in the language they got it in when the follow-up has it.
 * Once per alert: fanOut holds the alert's row lock and skips an alert whose recipients are counted.
 * Runs as the system (table owner) in the worker's transaction: a network-wide alert reads
 * every affiliate's people.
 */
export async function writeDeliveries(db: DbOrTx, alert: FanOutAlert, langs: Lang[]): Promise<number> {
  const audience = Audience.parse(alert.audience);
  const { orgIds } = await audienceOrgs(db, alert.orgId, audience);
  const followUpOf = alert.kind !== 'alert' ? alert.parentId : null;
  const select = audienceSelect({ orgId: alert.orgId, topic: alert.topic, sourceLang: alert.sourceLang, langs, followUpOf }, audience, orgIds);
  // No ON CONFLICT: the caller writes an alert's deliveries once, in the transaction that sets its recipient count under the
  // alert's row lock (alert-worker.ts fanOut), and a speculative insert costs a WAL record per row.
  const result = (await db.execute(sql`
    insert into alert_deliveries (alert_id, seq, person_id, channel, lang, org_id, alert_org_id, place_state)
    select ${alert.id}, row_number() over (), a.person_id, a.channel, a.lang, a.org_id, ${alert.orgId}, a.place_state from (${select}) a
  `)) as unknown as { rowCount?: number | null; affectedRows?: number };
  // The driver's count of rows written (node-postgres: rowCount, PGlite: affectedRows): counting a million rows again costs a scan.
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

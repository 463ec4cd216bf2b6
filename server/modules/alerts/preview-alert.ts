import { needsSecondPerson } from '../../../contracts/alert-workflow.ts';
import { Audience, type AlertPreview } from '../../../contracts/alerts.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { SMS_PRICES } from '../messaging/sms-prices.ts';
import { checkAudienceOrgs, heldByQuietHours, isNetworkWide, languagePreview, sendSeconds } from './alert-rules.ts';
import { type AlertRow, type AlertVersionRow, alertsRepo } from './alerts.repository.ts';
import { type AudienceSummary, audienceSummary } from './audience-query.ts';

export interface AudienceCount {
  summary: AudienceSummary;
  orgKind: 'network' | 'affiliate';
  networkWide: boolean;
  threshold: number;
  needsTwoPeople: boolean;
}

/** An audience's org ids must be the org itself or, for the network office, its affiliates. */
export async function checkAudience(db: Ctx['db'], orgId: string, audience: Pick<Audience, 'orgIds'>) {
  const orgKind = await alertsRepo.orgKind(db, orgId);
  const affiliates = orgKind === 'network' ? await alertsRepo.affiliatesAmong(db, orgId, [...audience.orgIds]) : new Set<string>();
  checkAudienceOrgs({ orgId, orgKind, orgIds: audience.orgIds, affiliates });
  return orgKind;
}

/**
 * Who the alert reaches now, by the same SELECT the fan-out writes (audience-query.ts), and
 * whether its author needs a second person to approve it. Call inside the transaction.
 */
export async function countAudience(tx: Ctx, row: AlertRow, versions: AlertVersionRow[], audience: Audience = row.audience): Promise<AudienceCount> {
  const orgKind = await checkAudience(tx.db, row.orgId, audience);
  const summary = await audienceSummary(tx.db, {
    alert: { orgId: row.orgId, topic: row.topic, sourceLang: row.sourceLang, langs: versions.map((v) => v.lang), followUpOf: row.kind === 'alert' ? null : row.parentId },
    audience,
  });
  const networkWide = summary.networkWide || isNetworkWide({ orgId: row.orgId, orgKind, orgIds: audience.orgIds });
  const threshold = await alertsRepo.threshold(tx.db, row.orgId);
  return { summary, orgKind, networkWide, threshold, needsTwoPeople: needsSecondPerson({ networkWide, recipients: summary.recipients, threshold }) };
}

/**
 * The live figures before sending: per language the recipients after language fallback, the
 * text's encoding, segments and cost (with the characters that force UCS-2 and a GSM-safe
 * variant), the emails; the seconds to send at the senders' pacing; how many are in quiet
 * hours now; whether a second person must approve. `audience` previews an unsaved edit.
 * Reads only counts: nothing to audit.
 */
export async function previewAlert({ ctx, input }: { ctx: Ctx; input: { id: string; audience?: Audience } }): Promise<AlertPreview> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const row = await alertsRepo.find(tx.db, orgId, input.id);
    const versions = await alertsRepo.versions(tx.db, [row.id]);
    const audience = input.audience ?? row.audience;
    const count = await countAudience(tx, row, versions, audience);
    const { summary } = count;

    // Every language the alert has, and any the audience falls back to (the source, even before it is written).
    const langs = [...new Set([...versions.map((v) => v.lang), ...summary.byLanguage.filter((l) => l.sms || l.email).map((l) => l.lang)])];
    const byLanguage = langs.map((lang) => {
      const counts = summary.byLanguage.find((l) => l.lang === lang) ?? { sms: 0, email: 0 };
      return languagePreview({ lang, smsBody: versions.find((v) => v.lang === lang)?.smsBody ?? '', sms: counts.sms, email: counts.email });
    });
    const totalSegments = byLanguage.reduce((n, l) => n + l.recipients * l.segments, 0);
    const pacing = summary.byState.length ? await alertsRepo.defaultSenderPacing(tx.db, summary.orgIds) : [];
    return {
      recipients: summary.recipients,
      byLanguage,
      byChannel: {
        sms: summary.byLanguage.reduce((n, l) => n + l.sms, 0),
        email: summary.byLanguage.reduce((n, l) => n + l.email, 0),
      },
      currency: SMS_PRICES.currency,
      costTotal: Math.round(byLanguage.reduce((n, l) => n + l.costSms, 0) * 10_000) / 10_000,
      sendSeconds: sendSeconds(totalSegments, pacing.map((p) => p.segmentsPerSecond)),
      heldByQuietHours: audience.channels.includes('sms')
        ? heldByQuietHours({ now: new Date(), byState: summary.byState, statesServed: await alertsRepo.statesServed(tx.db, summary.orgIds) })
        : 0,
      needsTwoPeople: count.needsTwoPeople,
    };
  });
}

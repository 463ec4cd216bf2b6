import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx } from '../../platform/db-context.ts';
import { AppError } from '../../platform/errors.ts';
import { orgRepo } from '../organizations/index.ts';
import { consentFor, recordConsent } from './consent.ts';
import { type UnsubscribePayload, verifyUnsubscribeToken } from './unsubscribe-token.ts';

/** The token's contents, or the translated 400 `unsubscribe_invalid` (a forged, cut or edited link). */
export function readUnsubscribeToken(ctx: Ctx, token: string): UnsubscribePayload {
  const payload = verifyUnsubscribeToken(ctx.deps.linkSigningKey, token);
  if (!payload) throw new AppError('unsubscribe_invalid', 400);
  return payload;
}

/** For the confirmation page: the org a member is unsubscribing from, by name. */
export async function unsubscribeOrgName(ctx: Ctx, orgId: string): Promise<string | null> {
  return (await orgRepo.findOrg(ctx.deps.database.db, orgId))?.name ?? null;
}

/**
 * Opt the link's address out of the org's email on the link's topic, at once (RFC 8058:
 * no further confirmation after the POST). The opt-out cancels that address's queued email
 * in the same transaction (recordConsent), and is audited there too, without the address.
 * Idempotent: when the consent that applies is already an opt-out, nothing is written —
 * mail clients retry and people click twice.
 */
export async function unsubscribe({ ctx, input }: { ctx: Ctx; input: { token: string; method: 'one_click' | 'page' } }) {
  const p = readUnsubscribeToken(ctx, input.token);
  return inTx(
    ctx,
    async (tx) => {
      const current = await consentFor(tx.db, { orgId: p.orgId, channel: 'email', topic: p.topic, addresses: [p.address] });
      if (current.get(p.address)?.status === 'opted_out') return { orgId: p.orgId, lang: p.lang, recorded: false, canceled: 0 };
      const { canceled } = await recordConsent(tx.db, {
        orgId: p.orgId,
        address: p.address,
        channel: 'email',
        scope: 'affiliate',
        topic: p.topic,
        status: 'opted_out',
        evidenceKind: 'unsubscribe_link',
        evidence: { method: input.method },
      });
      await audit(tx, { action: 'consent.email.unsubscribe', orgId: p.orgId, details: { topic: p.topic, method: input.method, canceled } });
      return { orgId: p.orgId, lang: p.lang, recorded: true, canceled };
    },
    { orgId: p.orgId },
  );
}

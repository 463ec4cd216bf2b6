import { eq, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { messagingSenders, outboundMessages, voiceCalls } from './messaging.table.ts';
import { cachedLookup } from './lookup-cache.ts';
import { smsProviderFor } from './providers.ts';

export type Sender = typeof messagingSenders.$inferSelect;

/**
 * The URL the provider signed: our public URL plus the path and query it called. Built
 * from PUBLIC_URL, never from the Host header, which a forger controls.
 */
export const signedUrl = (deps: Deps, req: FastifyRequest) => deps.config.publicUrl + req.url;

/** Which of our numbers (or Messaging Services) a webhook is about; null when none. */
export async function findSender(deps: Deps, q: { phone?: string | null; messagingServiceSid?: string | null }): Promise<Sender | null> {
  const conds = [
    q.messagingServiceSid ? eq(messagingSenders.messagingServiceSid, q.messagingServiceSid) : undefined,
    q.phone ? eq(messagingSenders.phoneE164, q.phone) : undefined,
  ].filter(Boolean);
  if (!conds.length) return null;
  return cachedLookup(deps, `sender ${q.phone ?? ''} ${q.messagingServiceSid ?? ''}`, async () => {
    const rows = await deps.database.db.select().from(messagingSenders).where(or(...conds));
    // A Messaging Service names the sender more precisely than the number it happened to use.
    return rows.find((r) => q.messagingServiceSid && r.messagingServiceSid === q.messagingServiceSid) ?? rows[0] ?? null;
  });
}

/** The org a status callback belongs to: the message or call it names (by our id in the URL, else the provider's). */
export async function findCallbackOrg(deps: Deps, q: { messageRef?: string; messageSid?: string; callSid?: string }): Promise<string | null> {
  const db = deps.database.db;
  if (q.callSid) {
    const [c] = await db.select({ orgId: voiceCalls.orgId }).from(voiceCalls).where(eq(voiceCalls.providerId, q.callSid));
    return c?.orgId ?? null;
  }
  const uuid = /^[0-9a-f-]{36}$/i;
  if (q.messageRef && uuid.test(q.messageRef)) {
    const [m] = await db.select({ orgId: outboundMessages.orgId }).from(outboundMessages).where(eq(outboundMessages.id, q.messageRef));
    if (m) return m.orgId;
  }
  if (q.messageSid) {
    const [m] = await db.select({ orgId: outboundMessages.orgId }).from(outboundMessages).where(eq(outboundMessages.providerId, q.messageSid));
    return m?.orgId ?? null;
  }
  return null;
}

/**
 * Check X-Twilio-Signature with the auth token of the org the webhook is about (the
 * simulator's when we cannot tell which org). A forged or unsigned request is logged and
 * audited, then refused with 403 before anything is read from or written for it.
 */
export async function verifyWebhook(deps: Deps, req: FastifyRequest, orgId: string | null): Promise<void> {
  const port = orgId ? await smsProviderFor(deps, orgId) : deps.simulator;
  const signature = req.headers['x-twilio-signature'];
  const ok = port.validateWebhook({
    url: signedUrl(deps, req),
    params: (req.body ?? {}) as Record<string, string>,
    signature: typeof signature === 'string' ? signature : undefined,
  });
  if (ok) return;
  const path = req.routeOptions.url ?? 'webhook';
  req.log.warn({ path, signed: typeof signature === 'string' }, 'webhook signature refused');
  await deps.database.db.transaction((tx) => appendAudit(tx, {
    orgId,
    actorUserId: null,
    actorLabel: 'webhook',
    action: 'webhook.forged',
    entityType: 'webhook',
    entityId: null,
    details: { path, signed: typeof signature === 'string' },
    ip: req.ip,
    requestId: String(req.id),
  }));
  throw new AppError('webhook_signature_invalid', 403);
}

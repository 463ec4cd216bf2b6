import { and, eq, sql } from 'drizzle-orm';
import type { MessagingAccount, MessagingAccountInput, WebhookUrls } from '../../../contracts/messaging.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { forgetLookups } from './lookup-cache.ts';
import { messagingAccounts } from './messaging.table.ts';

type AccountRow = typeof messagingAccounts.$inferSelect;

/** Where Twilio must call us; the same for every org (the org is found by the number called). */
export const webhookUrls = (ctx: Ctx): WebhookUrls => {
  const base = ctx.deps.config.publicUrl;
  return { sms: `${base}/webhooks/twilio/sms`, voice: `${base}/webhooks/twilio/voice`, status: `${base}/webhooks/twilio/status` };
};

/** The token is decrypted only to show its last four characters: enough to tell two tokens apart, useless to an attacker. */
async function toView(ctx: Ctx, orgId: string, row: AccountRow | undefined): Promise<MessagingAccount> {
  const token = row?.authTokenEnc ? await ctx.deps.keyring.decrypt(ctx.db, orgId, row.authTokenEnc) : null;
  return {
    provider: row?.provider ?? 'simulator',
    accountSid: row?.accountSid ?? null,
    authTokenSet: token !== null,
    authTokenLast4: token ? token.slice(-4) : null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    webhookUrls: webhookUrls(ctx),
  };
}

export async function getMessagingAccount({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db.select().from(messagingAccounts).where(eq(messagingAccounts.orgId, orgId));
    return toView(tx, orgId, row);
  });
}

/**
 * Save the provider settings. Version 0 creates the row (an org starts on the simulator
 * with none); any other version updates it only if nobody saved in between.
 */
export async function updateMessagingAccount({ ctx, input }: { ctx: Ctx; input: MessagingAccountInput }) {
  const orgId = requireOrg(ctx);
  // Webhooks check signatures with these settings: this process reads them afresh after the save.
  return inTx(ctx, async (tx) => {
    const [current] = await tx.db.select().from(messagingAccounts).where(eq(messagingAccounts.orgId, orgId));
    if ((current?.version ?? 0) !== input.version) throw conflict();
    const accountSid = input.accountSid === undefined ? (current?.accountSid ?? null) : input.accountSid;
    const authTokenEnc =
      input.authToken === undefined ? (current?.authTokenEnc ?? null) : await ctx.deps.keyring.encryptNullable(tx.db, orgId, input.authToken);
    // Twilio without credentials would fail every send; refuse it here, where the admin can fix it.
    if (input.provider === 'twilio' && !accountSid) throw invalid('twilio_credentials_required', 'accountSid');
    if (input.provider === 'twilio' && !authTokenEnc) throw invalid('twilio_credentials_required', 'authToken');
    const values = { provider: input.provider, accountSid, authTokenEnc, updatedBy: ctx.actor?.userId ?? null, updatedAt: new Date() };
    const [row] = current
      ? await tx.db
          .update(messagingAccounts)
          .set({ ...values, version: sql`${messagingAccounts.version} + 1` })
          .where(and(eq(messagingAccounts.orgId, orgId), eq(messagingAccounts.version, input.version)))
          .returning()
      : await tx.db.insert(messagingAccounts).values({ orgId, ...values }).onConflictDoNothing().returning();
    if (!row) throw conflict();
    // Field names only: never the SID or the token.
    const changed = ['provider', 'accountSid', 'authToken'].filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    await audit(tx, { action: 'messaging.account_update', entityType: 'messaging_account', entityId: orgId, details: { provider: input.provider, changed } });
    return toView(tx, orgId, row);
  }).finally(() => forgetLookups(ctx.deps));
}

import { eq } from 'drizzle-orm';
import type { SmsPort } from '../../integrations/sms/sms.port.ts';
import { createTwilioSms } from '../../integrations/sms/twilio.adapter.ts';
import type { Deps } from '../../platform/context.ts';
import { cachedLookup } from './lookup-cache.ts';
import { messagingAccounts } from './messaging.table.ts';

/**
 * The SMS/voice provider of an org: the simulator unless its settings name Twilio with
 * credentials. Twilio clients are cached per org and settings version, so a change in the
 * settings page takes effect on the next send without a restart (in another process,
 * within lookup-cache.ts's few seconds).
 */
const cache = new WeakMap<Deps, Map<string, { version: number; port: SmsPort }>>();

export async function smsProviderFor(deps: Deps, orgId: string): Promise<SmsPort> {
  const account = await cachedLookup(deps, `account ${orgId}`, async () => {
    const [row] = await deps.database.db.select().from(messagingAccounts).where(eq(messagingAccounts.orgId, orgId));
    return row;
  });
  if (!account || account.provider !== 'twilio' || !account.accountSid || !account.authTokenEnc) return deps.simulator;
  let perOrg = cache.get(deps);
  if (!perOrg) cache.set(deps, (perOrg = new Map()));
  const hit = perOrg.get(orgId);
  if (hit && hit.version === account.version) return hit.port;
  const authToken = await deps.keyring.decrypt(deps.database.db, orgId, account.authTokenEnc);
  const port = createTwilioSms({ accountSid: account.accountSid, authToken, apiBaseUrl: deps.config.TWILIO_API_BASE_URL });
  perOrg.set(orgId, { version: account.version, port });
  return port;
}

import pino from 'pino';
import type { Config } from './config.ts';
import { migrateDatabase, openDatabase } from './db/client.ts';
import { createSimulatorEmail } from './integrations/email/simulator.adapter.ts';
import { createSmtpEmail } from './integrations/email/smtp.adapter.ts';
import type { Deps } from './platform/context.ts';
import { Keyring } from './platform/crypto/keyring.ts';
import { loadMasterKeys } from './platform/crypto/master-key.ts';
import { REDACT_PATHS } from './platform/logging.ts';
import { ACTIONS } from './platform/authz/actions.ts';
import { createJobs } from './platform/jobs/jobs.ts';
import { createRealtimeHub } from './platform/realtime/hub.ts';
import { createSimulatorSms, type SimulatedWebhook } from './integrations/sms/simulator.adapter.ts';
import { createDbSimulatorStore } from './integrations/sms/simulator-db-store.ts';
import { MESSAGING_QUEUES } from './modules/messaging/queues.ts';
import { HOTLINE_QUEUES } from './modules/hotline/emergency-alerts-queue.ts';
import { ALERT_QUEUES } from './modules/alerts/alert-queues.ts';
import crypto from 'node:crypto';

/** The simulator's pretend Twilio account: a fixed SID, and a token only this deployment knows. */
export const SIMULATOR_ACCOUNT_SID = 'AC' + crypto.createHash('sha256').update('haven-simulator').digest('hex').slice(0, 32);


/** Open the database (migrating it), load keys and pick providers: everything a role needs. */
export async function createDeps(
  config: Config,
  opts: { migrate?: boolean; memory?: boolean; template?: Blob; role?: 'all' | 'web' | 'worker'; jobs?: boolean } = {},
): Promise<Deps> {
  const log = pino({ level: config.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolSize: config.DATABASE_POOL_SIZE, memory: opts.memory, template: opts.template });
  if (opts.migrate !== false) await migrateDatabase(database);
  const keyring = new Keyring(loadMasterKeys({ envKey: config.HAVEN_MASTER_KEY, envPrevious: config.HAVEN_MASTER_KEYS_PREVIOUS, dataDir: config.dataDir }));
  const email =
    config.EMAIL_PROVIDER === 'smtp' && config.SMTP_URL
      ? createSmtpEmail({ url: config.SMTP_URL, from: config.EMAIL_FROM })
      : createSimulatorEmail(database.db);
  const masters = loadMasterKeys({ envKey: config.HAVEN_MASTER_KEY, envPrevious: config.HAVEN_MASTER_KEYS_PREVIOUS, dataDir: config.dataDir });
  const simulatorToken =
    config.SMS_SIMULATOR_AUTH_TOKEN ?? crypto.createHmac('sha256', masters.current.key).update('haven-simulator-auth-token').digest('hex');
  const jobs = createJobs(database, {
    queues: [...MESSAGING_QUEUES(config), ...HOTLINE_QUEUES, ...ALERT_QUEUES],
    superviseIntervalSeconds: config.JOBS_SUPERVISE_INTERVAL_SECONDS,
    supervise: opts.role !== 'web',
  });
  // The queue's own schema (pgboss) is installed or migrated here, after ours.
  if (opts.jobs !== false) await jobs.start();
  const internalUrl = (config.HAVEN_INTERNAL_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/$/, '');
  const linkSigningKey = crypto.createHmac('sha256', masters.current.key).update('haven-link-signing').digest();
  const realtime = createRealtimeHub(database, { log });
  const deps: Deps = { config, database, keyring, email, log, jobs, linkSigningKey, realtime, simulator: undefined as never };
  deps.simulator = createSimulatorSms({
    accountSid: SIMULATOR_ACCOUNT_SID,
    authToken: simulatorToken,
    store: createDbSimulatorStore(database.db),
    deliver: (hook) => (deps.localWebhooks ? deps.localWebhooks(hook) : postWebhook(internalUrl, hook).then(() => undefined)),
    fetchTwiml: async (hook) => {
      const res = deps.localWebhookResponse ? await deps.localWebhookResponse(hook) : await postWebhook(internalUrl, hook);
      if (res.status >= 400) throw new Error(`webhook ${new URL(hook.url).pathname} answered ${res.status}`);
      return res.body;
    },
  });
  return deps;
}

/**
 * A simulator webhook over HTTP: signed for the public URL, delivered to the internal one
 * (as a proxy would). Answers with the response, which voice calls follow as TwiML.
 */
async function postWebhook(internalUrl: string, hook: SimulatedWebhook): Promise<{ status: number; body: string }> {
  const u = new URL(hook.url);
  const res = await fetch(internalUrl + u.pathname + u.search, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': hook.signature },
    body: new URLSearchParams(hook.params).toString(),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`webhook ${u.pathname} answered ${res.status}`);
  return { status: res.status, body };
}

export async function closeDeps(deps: Deps) {
  await deps.realtime.close();
  await deps.jobs.stop();
  await deps.simulator.settle();
  await deps.email.close?.();
  await deps.database.close();
}

/** A context for code that runs outside a request (CLI, seed, worker): acts as "system". */
export function systemCtx(deps: Deps, orgId: string | null = null) {
  return {
    deps,
    actor: orgId
      ? { kind: 'user' as const, userId: null, orgId, role: 'system', permissions: new Set<string>(Object.keys(ACTIONS)), label: 'system', mfaVerified: true }
      : null,
    lang: 'en' as const,
    requestId: null,
    ip: null,
    db: deps.database.db,
  };
}

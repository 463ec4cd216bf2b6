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

/** Open the database (migrating it), load keys and pick providers: everything a role needs. */
export async function createDeps(config: Config, opts: { migrate?: boolean; memory?: boolean; template?: Blob } = {}): Promise<Deps> {
  const log = pino({ level: config.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolSize: config.DATABASE_POOL_SIZE, memory: opts.memory, template: opts.template });
  if (opts.migrate !== false) await migrateDatabase(database);
  const keyring = new Keyring(loadMasterKeys({ envKey: config.HAVEN_MASTER_KEY, envPrevious: config.HAVEN_MASTER_KEYS_PREVIOUS, dataDir: config.dataDir }));
  const email =
    config.EMAIL_PROVIDER === 'smtp' && config.SMTP_URL
      ? createSmtpEmail({ url: config.SMTP_URL, from: config.EMAIL_FROM })
      : createSimulatorEmail(database.db);
  return { config, database, keyring, email, log };
}

export async function closeDeps(deps: Deps) {
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

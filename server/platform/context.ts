import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, DbOrTx } from '../db/client.ts';
import type { EmailPort } from '../integrations/email/email.port.ts';
import type { SimulatedWebhook, SimulatorSms } from '../integrations/sms/simulator.adapter.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { Keyring } from './crypto/keyring.ts';
import type { Lang } from './i18n/i18n.ts';
import type { RealtimeHub } from './realtime/hub.ts';

/** What the process has: built once at start, shared by every request and job. */
export interface Deps {
  config: Config;
  database: Database;
  keyring: Keyring;
  email: EmailPort;
  log: FastifyBaseLogger;
  jobs: Jobs;
  /** HMAC key for links Haven mails out (one-click unsubscribe), derived from the master key so links survive restarts. */
  linkSigningKey: Buffer;
  /** This process's LISTEN on realtime events, fanned out to SSE streams (starts on first use). */
  realtime: RealtimeHub;
  /** The deployment's pretend carrier (SMS and voice), used by every org whose provider is the simulator. */
  simulator: SimulatorSms;
  /**
   * Set by buildApp when the web app runs in this process: the simulator hands its webhooks
   * straight to it. Otherwise (a worker on its own) they go over HTTP to HAVEN_INTERNAL_URL.
   */
  localWebhooks?: (hook: SimulatedWebhook) => Promise<void>;
  /** The same, answering with the response (the simulator's voice calls read the TwiML). */
  localWebhookResponse?: (hook: SimulatedWebhook) => Promise<{ status: number; body: string }>;
}

/** Who is acting: a signed-in user in their current org, or an API token. */
export interface Actor {
  kind: 'user' | 'token';
  userId: string | null;
  tokenId?: string;
  sessionId?: string;
  /** The org the actor is acting in; null when signed in but in no org yet. */
  orgId: string | null;
  role: string | null;
  permissions: ReadonlySet<string>;
  /** For the audit log: an email or "token:<name>", never a community member's data. */
  label: string;
  mfaVerified: boolean;
}

/** Passed to every verb as `{ ctx, input }`. `db` is the open transaction when inside one. */
export interface Ctx {
  deps: Deps;
  actor: Actor | null;
  lang: Lang;
  requestId: string | null;
  ip: string | null;
  db: DbOrTx;
}

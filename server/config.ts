import { z } from 'zod';
import path from 'node:path';

/**
 * One schema over the environment. Each variable carries its group, a description and
 * whether it is a secret (secrets are never logged and never echoed in errors).
 * `.env.example` and the README table are checked against this list by a test.
 */
type Meta = { group: string; description: string; secret?: boolean };
const v = <T extends z.ZodType>(schema: T, meta: Meta) => schema.meta(meta);

const port = z.coerce.number().int().min(1).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((s) => s === 'true' || s === '1' || s === 'yes');

export const ConfigEnv = z.object({
  PORT: v(port.default(3000), { group: 'server', description: 'HTTP port' }),
  HOST: v(z.string().min(1).default('0.0.0.0'), { group: 'server', description: 'Interface to listen on' }),
  PUBLIC_URL: v(z.url().optional(), {
    group: 'server',
    description: 'Public base URL (https in production); used for links, cookies and webhook signatures. Default http://localhost:PORT',
  }),
  TRUST_PROXY: v(bool.default(false), { group: 'server', description: 'Trust X-Forwarded-* from a reverse proxy' }),
  LOG_LEVEL: v(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), {
    group: 'server',
    description: 'Log level (logs are JSON, personal data redacted)',
  }),
  DATABASE_URL: v(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(), {
    group: 'database',
    description: 'PostgreSQL URL. Unset: embedded PGlite under HAVEN_DATA_DIR',
    secret: true,
  }),
  DATABASE_POOL_SIZE: v(z.coerce.number().int().min(1).max(200).default(10), {
    group: 'database',
    description: 'Connections per process (PostgreSQL only)',
  }),
  HAVEN_DATA_DIR: v(z.string().min(1).default('./.haven'), {
    group: 'database',
    description: 'Embedded data directory (PGlite data, generated master key file)',
  }),
  HAVEN_MASTER_KEY: v(z.string().regex(/^[A-Za-z0-9+/=_-]{43,88}$/, 'must be 32 bytes, base64 or hex').optional(), {
    group: 'security',
    description: 'Master key (32 bytes, base64) that wraps the per-org data keys. Unset: generated into HAVEN_DATA_DIR/master.key (0600)',
    secret: true,
  }),
  HAVEN_MASTER_KEYS_PREVIOUS: v(z.string().optional(), {
    group: 'security',
    description: 'Comma-separated previous master keys, kept only until `haven keys rotate` has re-wrapped every data key',
    secret: true,
  }),
  SESSION_TTL_HOURS: v(z.coerce.number().min(1).max(24 * 30).default(12), {
    group: 'security',
    description: 'Idle lifetime of a staff session',
  }),
  HAVEN_SEED_DEMO: v(bool.optional(), {
    group: 'demo',
    description: 'Seed the demo network on first start (default: yes on the embedded database, no on PostgreSQL)',
  }),
  HAVEN_DEMO_PASSWORD: v(z.string().min(8).optional(), {
    group: 'demo',
    description: "Demo users' password; otherwise one is generated and printed once",
    secret: true,
  }),
  EMAIL_PROVIDER: v(z.enum(['simulator', 'smtp']).default('simulator'), {
    group: 'email',
    description: 'simulator (stores every message in the database instead of sending it) or smtp',
  }),
  SMTP_URL: v(z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(), {
    group: 'email',
    description: 'SMTP server, e.g. smtp://user:pass@mail.example.org:587',
    secret: true,
  }),
  EMAIL_FROM: v(z.string().min(3).default('Haven <no-reply@haven.local>'), {
    group: 'email',
    description: 'From address for mail Haven sends',
  }),
  HAVEN_INTERNAL_URL: v(z.url().optional(), {
    group: 'messaging',
    description: "Where a worker process reaches the web process (the simulator's webhooks); default http://127.0.0.1:PORT",
  }),
  SMS_SIMULATOR_AUTH_TOKEN: v(z.string().min(16).optional(), {
    group: 'messaging',
    description: "Auth token that signs the SMS/voice simulator's webhooks; default derived from the master key",
    secret: true,
  }),
  TWILIO_API_BASE_URL: v(z.url().optional(), {
    group: 'messaging',
    description: "Twilio's REST API base, default https://api.twilio.com (tests point it at a local server)",
  }),
  MESSAGING_SEND_TIMEOUT_SECONDS: v(z.coerce.number().int().min(5).max(3600).default(120), {
    group: 'messaging',
    description: "A send batch still running after this long is taken to be lost (its worker died) and resumed by another",
  }),
  JOBS_SUPERVISE_INTERVAL_SECONDS: v(z.coerce.number().int().min(1).max(300).default(10), {
    group: 'messaging',
    description: 'How often the worker looks for lost jobs to resume',
  }),
});

export type ConfigEnv = z.infer<typeof ConfigEnv>;

export type Config = ConfigEnv & {
  publicUrl: string;
  dataDir: string;
  embedded: boolean;
  seedDemo: boolean;
  secureCookies: boolean;
};

export class ConfigError extends Error {}

/** Parse the environment; a bad value stops start-up with a message naming the variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.keys(ConfigEnv.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = ConfigEnv.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Configuration error:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.EMAIL_PROVIDER === 'smtp' && !c.SMTP_URL) {
    throw new ConfigError('Configuration error:\n  SMTP_URL: required when EMAIL_PROVIDER=smtp');
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  const embedded = !c.DATABASE_URL;
  return {
    ...c,
    publicUrl,
    dataDir: path.resolve(c.HAVEN_DATA_DIR),
    embedded,
    seedDemo: c.HAVEN_SEED_DEMO ?? embedded,
    secureCookies: publicUrl.startsWith('https://'),
  };
}

/** The variables, their group, description and secrecy: used by docs and the .env.example test. */
export function describeConfig() {
  return Object.entries(ConfigEnv.shape).map(([name, schema]) => {
    const meta = (schema as z.ZodType).meta() as Meta;
    return { name, ...meta, secret: Boolean(meta.secret) };
  });
}

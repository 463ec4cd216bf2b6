import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { closeDeps, createDeps, systemCtx } from '../server/deps.ts';
import { hashPassword } from '../server/modules/auth/index.ts';
import { createOrganization, orgRepo } from '../server/modules/organizations/index.ts';
import { createPerson } from '../server/modules/people/index.ts';
import { ROLES } from '../server/platform/authz/actions.ts';
import type { Deps } from '../server/platform/context.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
export const testDbKind = (process.env.HAVEN_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
const PG_ADMIN_URL = process.env.HAVEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let passwordHash: Promise<string> | null = null;

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  dataDir: string;
  /** The test network: orgs "a" and "b" (affiliates) and "net" (network office). */
  orgs: { a: string; b: string; net: string };
  close(): Promise<void>;
  /** Sign in as a fixture user, e.g. as('coordinator', 'a'); returns a client bound to that session. */
  as(role: string, org?: 'a' | 'b' | 'net'): Promise<Client>;
  signIn(email: string, password?: string): Promise<Client>;
  anonymous(): Client;
}

export interface Client {
  cookie: string | null;
  csrf: string | null;
  session: any;
  request(opts: InjectOptions): Promise<import('light-my-request').Response>;
  get(url: string, headers?: Record<string, string>): Promise<import('light-my-request').Response>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<import('light-my-request').Response>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<import('light-my-request').Response>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<import('light-my-request').Response>;
  delete(url: string, headers?: Record<string, string>): Promise<import('light-my-request').Response>;
}

export const emailOf = (role: string, org: string) => `${role}@${org}.test`;

/** A fresh database (a PGlite copy of the migrated template, or a new PostgreSQL database) and the real app on it. */
export async function startTestApp(opts: { env?: Record<string, string>; seed?: boolean } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haven-test-'));
  let dbName: string | null = null;
  const env: Record<string, string> = { HAVEN_DATA_DIR: dataDir, LOG_LEVEL: process.env.HAVEN_TEST_LOG ?? 'silent', HAVEN_SEED_DEMO: 'false', ...opts.env };
  if (testDbKind === 'postgres') {
    const created = await createTestDatabase('haven_t');
    dbName = created.name;
    env.DATABASE_URL = created.url;
  }
  const config = loadConfig(env as NodeJS.ProcessEnv);
  const templateFile = process.env.HAVEN_PGLITE_TEMPLATE;
  const template = testDbKind === 'pglite' && templateFile && fs.existsSync(templateFile) ? new Blob([fs.readFileSync(templateFile)]) : undefined;
  const deps = await createDeps(config, { memory: testDbKind === 'pglite', template });
  const app = await buildApp(deps, { logger: false });
  await app.ready();

  const orgs = opts.seed === false ? { a: '', b: '', net: '' } : await seedTestNetwork(deps);

  const makeClient = (cookie: string | null, csrf: string | null, session: any): Client => {
    const request = (o: InjectOptions) => {
      const headers: Record<string, string> = { ...(o.headers as Record<string, string>) };
      if (cookie) headers.cookie = cookie;
      if (csrf && o.method && o.method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrf;
      return app.inject({ ...o, headers });
    };
    return {
      cookie,
      csrf,
      session,
      request,
      get: (url, headers) => request({ method: 'GET', url, headers }),
      post: (url, body, headers) => request({ method: 'POST', url, payload: body as any, headers }),
      patch: (url, body, headers) => request({ method: 'PATCH', url, payload: body as any, headers }),
      put: (url, body, headers) => request({ method: 'PUT', url, payload: body as any, headers }),
      delete: (url, headers) => request({ method: 'DELETE', url, headers }),
    };
  };

  const signIn = async (email: string, password = TEST_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const session = res.json();
    return makeClient(cookie, session.csrfToken, session);
  };

  return {
    app,
    deps,
    dataDir,
    orgs,
    signIn,
    anonymous: () => makeClient(null, null, null),
    async as(role, org = 'a') {
      const client = await signIn(emailOf(role, org));
      return client;
    },
    async close() {
      await app.close();
      await closeDeps(deps);
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dbName) await dropTestDatabase(dbName);
    },
  };
}

/** Orgs a, b (affiliates) and net (network office); a user for every role in a and b; a few people in each. */
export async function seedTestNetwork(deps: Deps) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const ctx = systemCtx(deps);
  const net = await createOrganization({ ctx, input: { slug: 'net', name: 'Test Network', kind: 'network', mfaRequiredForSensitive: false } });
  const a = await createOrganization({ ctx, input: { slug: 'a', name: 'Affiliate A', kind: 'affiliate', parentId: net.id, statesServed: ['IL'], mfaRequiredForSensitive: false } });
  const b = await createOrganization({ ctx, input: { slug: 'b', name: 'Affiliate B', kind: 'affiliate', parentId: net.id, statesServed: ['NY'], mfaRequiredForSensitive: false } });
  const db = deps.database.db;
  for (const [key, org] of [['a', a], ['b', b], ['net', net]] as const) {
    for (const role of ROLES) {
      const user = await orgRepo.insertUser(db, { email: emailOf(role, key), displayName: `${role} ${key}`, language: 'en', passwordHash: hash });
      await orgRepo.upsertMembership(db, user.id, org.id, role);
    }
  }
  for (const org of [a, b]) {
    const orgCtx = systemCtx(deps, org.id);
    await createPerson({ ctx: orgCtx, input: { givenName: 'Minjun', familyName: 'Kim', nameKo: '김민준', preferredLanguage: 'ko', phone: '(312) 555-0101', dateOfBirth: '1994-03-02', immigrationStatus: 'DACA', aNumber: 'A123456789' } });
    await createPerson({ ctx: orgCtx, input: { givenName: 'Lucía', familyName: 'Martínez', preferredLanguage: 'es', phone: '312-555-0102' } });
  }
  return { a: a.id, b: b.id, net: net.id };
}

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    return await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** A new, empty PostgreSQL database for one test file; returns its name and URL. */
export async function createTestDatabase(prefix: string) {
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropTestDatabase(name: string) {
  await adminQuery(`drop database if exists ${name} with (force)`);
}

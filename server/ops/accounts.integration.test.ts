import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { verifyAuditChains } from '../platform/audit/audit.ts';
import { cliCtx } from './cli-ctx.ts';
import { createOrgFromCli, type OrgCreateOptions } from './create-org.ts';
import { createUserFromCli, type UserCreateOptions } from './create-user.ts';

/** `haven org create` and `haven user create`, through their verbs on the real database. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const orgCreate = (input: Partial<OrgCreateOptions>) => createOrgFromCli({ ctx: cliCtx(t.deps), input: input as OrgCreateOptions });
const userCreate = (input: Partial<UserCreateOptions>) => createUserFromCli({ ctx: cliCtx(t.deps), input: input as UserCreateOptions });
const auditRows = (action: string) =>
  t.deps.database.query<{ org_id: string; actor_label: string; entity_id: string; details: any }>(
    `select org_id, actor_label, entity_id, details from audit_log where action = $1 order by id`,
    [action],
  );
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('haven org create', () => {
  it('creates an affiliate under a parent given by slug, with its data key, audited as cli', async () => {
    const org = await orgCreate({ slug: 'il-north', name: 'Illinois North', parent: 'net', states: 'il, in', timeZone: 'America/Chicago', languages: 'ko,en' });
    expect(org).toMatchObject({ slug: 'il-north', kind: 'affiliate', parentId: t.orgs.net, statesServed: ['IL', 'IN'], timeZone: 'America/Chicago', languages: ['ko', 'en'] });
    const keys = await t.deps.database.query(`select version from data_keys where scope = $1`, [org.id]);
    expect(keys).toHaveLength(1);
    const rules = await t.deps.database.query(`select count(*)::int as n from role_permissions where org_id = $1`, [org.id]);
    expect((rules[0] as any).n).toBeGreaterThan(0);
    expect((await auditRows('organization.create')).find((r) => r.entity_id === org.id)).toMatchObject({ org_id: org.id, actor_label: 'cli' });
  });

  it('refuses bad options with messages naming the option, and creates nothing', async () => {
    const count = async () => (await t.deps.database.query<{ n: number }>(`select count(*)::int as n from organizations`))[0].n;
    const before = await count();
    await expect(orgCreate({ slug: 'il-north', name: 'Again' })).rejects.toThrow(/--slug: an organization with slug "il-north" already exists/);
    await expect(orgCreate({ slug: 'x1', name: 'X', parent: 'nowhere' })).rejects.toThrow(/--parent: no organization with slug "nowhere" \(existing: .*net/);
    await expect(orgCreate({ slug: 'Bad Slug', name: 'X' })).rejects.toThrow(/--slug: lower-case/);
    await expect(orgCreate({ slug: 'x2', name: 'X', states: 'ILL' })).rejects.toThrow(/--states: two-letter/);
    await expect(orgCreate({ slug: 'x3', name: 'X', timeZone: 'Mars/Olympus' })).rejects.toThrow(/--time-zone: not a known time zone/);
    await expect(orgCreate({ slug: 'x4', name: 'X', kind: 'club' as never })).rejects.toThrow(/--kind: must be network or affiliate/);
    await expect(orgCreate({ slug: 'x5', name: 'X', languages: 'fr' })).rejects.toThrow(/--languages/);
    await expect(orgCreate({ slug: 'x6' })).rejects.toThrow(/--name: required/);
    expect(await count()).toBe(before);
  });
});

describe('haven user create', () => {
  it('without --password: creates the user and membership and prints a one-time link that sets the password', async () => {
    const r = await userCreate({ email: 'New.Admin@Example.org', name: '박서준', org: 'a', role: 'affiliate_admin', language: 'ko' });
    expect(r).toMatchObject({ email: 'new.admin@example.org', orgSlug: 'a', role: 'affiliate_admin', newUser: true });
    expect(r.link).toMatch(new RegExp(`^${t.deps.config.publicUrl}/reset-password\\?token=`));
    // The link works once, through the real page's API…
    const password = 'a brand new long password';
    const done = await t.anonymous().post('/api/v1/auth/password-reset/complete', { token: tokenOf(r.link!), password });
    expect(done.statusCode).toBeLessThan(300);
    const again = await t.anonymous().post('/api/v1/auth/password-reset/complete', { token: tokenOf(r.link!), password: 'another long password' });
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
    // …and the user signs in into org a with that role.
    const client = await t.signIn('new.admin@example.org', password);
    expect(client.session).toMatchObject({ user: { email: 'new.admin@example.org', language: 'ko' } });
    expect(JSON.stringify(client.session)).toMatch(/affiliate_admin/);

    const audit = (await auditRows('member.add')).find((x) => x.entity_id === r.userId);
    expect(audit).toMatchObject({ org_id: t.orgs.a, actor_label: 'cli', details: { role: 'affiliate_admin', newUser: true, passwordSet: false, linkIssued: true } });
    // The audit row names ids and roles, never the email or name.
    expect(JSON.stringify(audit)).not.toMatch(/example\.org|박서준/);
  });

  it('with --password: the user can sign in at once; no link', async () => {
    const r = await userCreate({ email: 'vol@example.org', name: 'Vol', org: 'b', role: 'volunteer', password: 'twelve chars ok' });
    expect(r.link).toBeNull();
    const client = await t.signIn('vol@example.org', 'twelve chars ok');
    expect(client.session.user.email).toBe('vol@example.org');
  });

  it('adds an existing user to another org (one login across the network), without a new link', async () => {
    const r = await userCreate({ email: 'vol@example.org', name: 'ignored', org: 'a', role: 'organizer' });
    expect(r).toMatchObject({ newUser: false, link: null, orgSlug: 'a', role: 'organizer' });
    const rows = await t.deps.database.query<{ role: string }>(
      `select m.role from memberships m join users u on u.id = m.user_id where u.email = 'vol@example.org' order by m.role`,
    );
    expect(rows.map((x) => x.role)).toEqual(['organizer', 'volunteer']);
  });

  it('refuses bad input with clear messages and changes nothing', async () => {
    const count = async () =>
      (await t.deps.database.query<{ n: number }>(`select (select count(*) from users) + (select count(*) from memberships) + (select count(*) from password_resets) as n`))[0].n;
    const before = await count();
    await expect(userCreate({ email: 'x@example.org', name: 'X', org: 'a', role: 'wizard' as never })).rejects.toThrow(
      /--role: must be one of network_admin, affiliate_admin, coordinator, responder, verifier, attorney, organizer, volunteer/,
    );
    await expect(userCreate({ email: 'x@example.org', name: 'X', org: 'zz', role: 'coordinator' })).rejects.toThrow(/--org: no organization with slug "zz" \(existing: .*a.*b/);
    await expect(userCreate({ email: 'not-an-email', name: 'X', org: 'a', role: 'coordinator' })).rejects.toThrow(/--email/);
    await expect(userCreate({ email: 'x@example.org', name: 'X', org: 'a', role: 'coordinator', language: 'fr' as never })).rejects.toThrow(/--language: must be ko, en or es/);
    await expect(userCreate({ email: 'x@example.org', name: 'X', org: 'a', role: 'coordinator', password: 'short' })).rejects.toThrow(/--password: at least 12/);
    await expect(userCreate({ email: 'vol@example.org', name: 'Vol', org: 'b', role: 'coordinator' })).rejects.toThrow(/already a member of b \(as volunteer\)/);
    await expect(userCreate({ email: 'vol@example.org', name: 'Vol', org: 'net', role: 'coordinator', password: 'another password' })).rejects.toThrow(
      /--password: .* already has an account/,
    );
    expect(await count()).toBe(before);
    expect((await verifyAuditChains(t.deps.database.db)).ok).toBe(true);
  });
});

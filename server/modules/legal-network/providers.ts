import type { Lang } from '../../../contracts/common.ts';
import type { Provider, ProviderCreateInput, ProviderInput, ProviderList, ProviderListQuery, ProviderPatch } from '../../../contracts/legal-network.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { conflict } from '../../platform/errors.ts';
import { providersRepo, providerView, sameEntryKey, type ProviderRow } from './providers.repository.ts';

/**
 * The network's directory of attorneys, accredited representatives and other professionals.
 * Every affiliate reads all of it (cases.read); an entry is written only by the affiliate that
 * keeps it (directory.manage): another org's entry is a 404 on write, as row-level security
 * would make it. No hard delete: `active: false` retires an entry and keeps its referrals.
 */

/** Inside a caller's transaction the capacity count sees that org's referrals only (RLS); see providersRepo.acceptedThisMonth. */
async function withCapacity(ctx: Ctx, rows: ProviderRow[]): Promise<Provider[]> {
  const db = (ctx as Ctx & { inTx?: boolean }).inTx ? ctx.db : ctx.deps.database.db;
  const taken = await providersRepo.acceptedThisMonth(db, rows.map((r) => r.id));
  return rows.map((r) => providerView(r, taken.get(r.id) ?? 0));
}

export async function listProviders({ ctx, input }: { ctx: Ctx; input: ProviderListQuery }): Promise<ProviderList> {
  requireOrg(ctx);
  const { rows, total } = await inTx(ctx, (tx) => providersRepo.list(tx.db, input));
  return { items: await withCapacity(ctx, rows), total };
}

export async function getProvider({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Provider> {
  requireOrg(ctx);
  const row = await inTx(ctx, (tx) => providersRepo.find(tx.db, input.id));
  return (await withCapacity(ctx, [row]))[0];
}

/** The language Haven writes to a provider in: English if they read it, else Korean or Spanish if they do. */
export function defaultProviderLang(languages: readonly string[]): Lang {
  if (languages.includes('en')) return 'en';
  return (languages.find((l) => l === 'ko' || l === 'es') as Lang | undefined) ?? 'en';
}

/** Names as one Unicode form, so a search in Hangul finds a name typed on any keyboard. */
export function normalizeEntry<T extends Partial<ProviderInput>>(input: T): T {
  return {
    ...input,
    ...(input.name !== undefined ? { name: input.name.normalize('NFC') } : {}),
    ...(input.organizationName ? { organizationName: input.organizationName.normalize('NFC') } : {}),
  };
}

/** One entry per name and email in an affiliate's directory: a second one (a double click, a re-keyed entry) is a 409. */
export async function createProvider({ ctx, input }: { ctx: Ctx; input: ProviderCreateInput }): Promise<Provider> {
  const orgId = requireOrg(ctx);
  const { lang, ...entry } = normalizeEntry(input);
  const row = await inTx(ctx, async (tx) => {
    await providersRepo.lockOrgDirectory(tx.db, orgId);
    const existing = (await providersRepo.entryKeys(tx.db, orgId)).get(sameEntryKey(entry.name, entry.email));
    if (existing) throw conflict('provider_duplicate', {}, 'name');
    const [created] = await providersRepo.insert(tx.db, [{ ...entry, orgId, lang: lang ?? defaultProviderLang(entry.languages) }]);
    await audit(tx, { action: 'provider.create', entityType: 'provider', entityId: created.id, details: { kind: created.kind } });
    return created;
  });
  return providerView(row);
}

/** Only the fields sent change; a stale `version` is a 409 and changes nothing. */
export async function updateProvider({ ctx, input }: { ctx: Ctx; input: ProviderPatch & { id: string } }): Promise<Provider> {
  const orgId = requireOrg(ctx);
  const { id, version, ...fields } = normalizeEntry(input);
  const row = await inTx(ctx, async (tx) => {
    const current = await providersRepo.lockOwn(tx.db, orgId, id);
    if (current.version !== version) throw conflict();
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== undefined && JSON.stringify(fields[k]) !== JSON.stringify(current[k]));
    if (!changed.length) return current;
    const name = fields.name ?? current.name;
    const email = fields.email !== undefined ? fields.email : current.email;
    if (changed.includes('name') || changed.includes('email')) {
      await providersRepo.lockOrgDirectory(tx.db, orgId);
      if ((await providersRepo.entryKeys(tx.db, orgId, id)).has(sameEntryKey(name, email))) throw conflict('provider_duplicate', {}, 'name');
    }
    const patch = Object.fromEntries(changed.map((k) => [k, fields[k]]));
    const updated = await providersRepo.update(tx.db, id, patch, current.version);
    // Field names only: what changed, never the values.
    await audit(tx, { action: fields.active === false && current.active ? 'provider.retire' : 'provider.update', entityType: 'provider', entityId: id, details: { fields: changed } });
    return updated;
  });
  return (await withCapacity(ctx, [row]))[0];
}

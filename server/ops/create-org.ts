import { z } from 'zod';
import { Lang } from '../../contracts/common.ts';
import { createOrganization, orgRepo } from '../modules/organizations/index.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Ctx } from '../platform/context.ts';
import { OpsError, parseOptions } from './ops-errors.ts';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** `haven org create` options as typed on the command line (comma lists as strings). */
export const OrgCreateOptions = z.object({
  slug: z.string({ error: 'required' }).regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes, at most 40 characters'),
  name: z.string({ error: 'required' }).trim().min(1, 'required').max(200),
  kind: z.enum(['network', 'affiliate'], { error: 'must be network or affiliate' }).default('affiliate'),
  parent: z.string().optional(),
  states: z
    .string()
    .default('')
    .transform((s) => list(s).map((x) => x.toUpperCase()))
    .refine((xs) => xs.every((x) => /^[A-Z]{2}$/.test(x)), 'two-letter state codes separated by commas, e.g. IL,IN'),
  timeZone: z.string().default('America/New_York').refine(isTimeZone, 'not a known time zone (use an IANA name such as America/Chicago)'),
  languages: z
    .string()
    .default('ko,en,es')
    .transform(list)
    .pipe(z.array(Lang, { error: 'languages are ko, en and es, separated by commas' }).min(1, 'at least one language')),
});
export type OrgCreateOptions = z.input<typeof OrgCreateOptions>;

/**
 * Create an org from the command line: the first org of a new installation, or an
 * affiliate under a parent named by slug. createOrganization does the work (role rules,
 * data key, audit); this resolves slugs and turns bad input into messages naming the option.
 */
export async function createOrgFromCli({ ctx, input }: { ctx: Ctx; input: OrgCreateOptions }) {
  const o = parseOptions(OrgCreateOptions, input);
  const db = ctx.deps.database.db;
  if (await orgRepo.findOrgBySlug(db, o.slug)) throw new OpsError(`--slug: an organization with slug "${o.slug}" already exists`);
  let parentId: string | null = null;
  if (o.parent) {
    const parent = await orgRepo.findOrgBySlug(db, o.parent);
    if (!parent) throw new OpsError(`--parent: no organization with slug "${o.parent}"${await knownSlugs(db)}`);
    parentId = parent.id;
  }
  return createOrganization({
    ctx,
    input: { slug: o.slug, name: o.name, kind: o.kind, parentId, statesServed: o.states, timeZone: o.timeZone, languages: o.languages },
  });
}

/** " (existing: a, b, net)" for error messages; empty when there are none. */
export async function knownSlugs(db: DbOrTx) {
  const orgs = await orgRepo.listOrgs(db);
  return orgs.length ? ` (existing: ${orgs.map((o) => o.slug).join(', ')})` : ' (there are no organizations yet: create one with `haven org create`)';
}

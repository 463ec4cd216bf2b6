import { z } from 'zod';
import { Lang } from './common.ts';

export const Member = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  mfaEnabled: z.boolean(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const AddMemberInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  displayName: z.string().trim().min(1).max(200),
  role: z.string(),
  language: Lang.default('en'),
});
export type AddMemberInput = z.infer<typeof AddMemberInput>;
export const ChangeRoleInput = z.object({ role: z.string() });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;
export const UserIdParams = z.object({ userId: z.uuid() });
export type UserIdParams = z.infer<typeof UserIdParams>;

/** Role → actions for the current org, plus the catalogue of actions (with descriptions). */
export const RoleMatrix = z.object({
  roles: z.array(z.string()),
  actions: z.array(z.object({ action: z.string(), description: z.string(), sensitive: z.boolean() })),
  grants: z.record(z.string(), z.array(z.string())),
});
export type RoleMatrix = z.infer<typeof RoleMatrix>;
export const SetRoleActionsInput = z.object({ actions: z.array(z.string()).max(200) });
export type SetRoleActionsInput = z.infer<typeof SetRoleActionsInput>;
export const RoleParams = z.object({ role: z.string() });
export type RoleParams = z.infer<typeof RoleParams>;

export const OrgSettings = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  kind: z.enum(['network', 'affiliate']),
  statesServed: z.array(z.string()),
  timeZone: z.string(),
  languages: z.array(Lang),
  mfaRequiredForSensitive: z.boolean(),
});
export type OrgSettings = z.infer<typeof OrgSettings>;
export const OrgSettingsPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  languages: z.array(Lang).min(1).optional(),
  mfaRequiredForSensitive: z.boolean().optional(),
});
export type OrgSettingsPatch = z.infer<typeof OrgSettingsPatch>;

export const Affiliate = z.object({ id: z.uuid(), name: z.string(), slug: z.string(), kind: z.enum(['network', 'affiliate']), statesServed: z.array(z.string()) });
export const AffiliateList = z.object({ items: z.array(Affiliate) });
export type AffiliateList = z.infer<typeof AffiliateList>;

import { Ok } from '../../../contracts/common.ts';
import {
  AddMemberInput,
  AffiliateList,
  ChangeRoleInput,
  Member,
  MemberList,
  OrgSettings,
  OrgSettingsPatch,
  RoleMatrix,
  RoleParams,
  SetRoleActionsInput,
  UserIdParams,
} from '../../../contracts/organizations.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { addMember, changeMemberRole, listMembers, removeMember, resetMemberMfa } from './members.ts';
import { getOrgSettings, listAffiliates, updateOrgSettings } from './org-settings.ts';
import { getRoleMatrix, setRoleActions } from './roles.ts';

const tags = ['organizations'];

export const organizationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/org/settings', tags, summary: 'Settings of the current organization',
    policy: { action: 'org.settings' }, response: OrgSettings,
    handler: ({ ctx }) => getOrgSettings({ ctx }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/org/settings', tags, summary: 'Change settings of the current organization',
    policy: { action: 'org.settings' }, body: OrgSettingsPatch, response: OrgSettings,
    handler: ({ ctx, body }) => updateOrgSettings({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/org/members', tags, summary: 'Staff and volunteers of the current organization',
    policy: { action: 'members.read' }, response: MemberList,
    handler: ({ ctx }) => listMembers({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/org/members', tags, summary: 'Add a member (new users get an invitation email)',
    policy: { action: 'members.manage' }, body: AddMemberInput, response: Member, status: 201,
    handler: ({ ctx, body }) => addMember({ ctx, input: body }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/org/members/:userId', tags, summary: "Change a member's role",
    policy: { action: 'members.manage' }, params: UserIdParams, body: ChangeRoleInput, response: Member,
    handler: ({ ctx, params, body }) => changeMemberRole({ ctx, input: { ...body, userId: params.userId } }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/org/members/:userId', tags, summary: 'Remove a member from the organization',
    policy: { action: 'members.manage' }, params: UserIdParams, response: Ok,
    handler: ({ ctx, params }) => removeMember({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/org/members/:userId/reset-mfa', tags, summary: "Turn off a member's two-factor (lost phone) and end their sessions",
    policy: { action: 'members.manage' }, params: UserIdParams, response: Member,
    handler: ({ ctx, params }) => resetMemberMfa({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/org/roles', tags, summary: 'What each role may do here',
    policy: { action: 'members.read' }, response: RoleMatrix,
    handler: ({ ctx }) => getRoleMatrix({ ctx }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/org/roles/:role', tags, summary: 'Set what one role may do here',
    policy: { action: 'roles.manage' }, params: RoleParams, body: SetRoleActionsInput, response: RoleMatrix,
    handler: ({ ctx, params, body }) => setRoleActions({ ctx, input: { ...body, role: params.role } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/network/affiliates', tags, summary: 'The network office and its affiliates',
    policy: { action: 'network.read' }, response: AffiliateList,
    handler: ({ ctx }) => listAffiliates({ ctx }),
  }),
];

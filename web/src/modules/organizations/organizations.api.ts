import { useQuery } from '@tanstack/react-query';
import type { ApiToken, CreateApiTokenInput, CreatedApiToken } from '../../../../contracts/auth.ts';
import type { Ok } from '../../../../contracts/common.ts';
import type { AddMemberInput, Member, MemberList, OrgSettings, OrgSettingsPatch, RoleMatrix } from '../../../../contracts/organizations.ts';
import { api } from '../../lib/api.ts';

export const orgKeys = {
  members: ['org', 'members'] as const,
  roles: ['org', 'roles'] as const,
  settings: ['org', 'settings'] as const,
  tokens: ['org', 'api-tokens'] as const,
};

const seg = encodeURIComponent;

export const orgApi = {
  members: () => api<MemberList>('/api/v1/org/members'),
  addMember: (body: AddMemberInput) => api<Member>('/api/v1/org/members', { method: 'POST', body }),
  changeRole: (userId: string, role: string) => api<Member>(`/api/v1/org/members/${seg(userId)}`, { method: 'PATCH', body: { role } }),
  resetMfa: (userId: string) => api<Member>(`/api/v1/org/members/${seg(userId)}/reset-mfa`, { method: 'POST' }),
  removeMember: (userId: string) => api<Ok>(`/api/v1/org/members/${seg(userId)}`, { method: 'DELETE' }),
  roles: () => api<RoleMatrix>('/api/v1/org/roles'),
  setRoleActions: (role: string, actions: string[]) => api<RoleMatrix>(`/api/v1/org/roles/${seg(role)}`, { method: 'PUT', body: { actions } }),
  settings: () => api<OrgSettings>('/api/v1/org/settings'),
  updateSettings: (body: OrgSettingsPatch) => api<OrgSettings>('/api/v1/org/settings', { method: 'PATCH', body }),
  tokens: () => api<{ items: ApiToken[] }>('/api/v1/org/api-tokens'),
  createToken: (body: CreateApiTokenInput) => api<CreatedApiToken>('/api/v1/org/api-tokens', { method: 'POST', body }),
  revokeToken: (id: string) => api<Ok>(`/api/v1/org/api-tokens/${seg(id)}`, { method: 'DELETE' }),
};

export const useMembers = () => useQuery({ queryKey: orgKeys.members, queryFn: orgApi.members });
export const useRoleMatrix = () => useQuery({ queryKey: orgKeys.roles, queryFn: orgApi.roles });
export const useOrgSettings = () => useQuery({ queryKey: orgKeys.settings, queryFn: orgApi.settings });
export const useApiTokens = () => useQuery({ queryKey: orgKeys.tokens, queryFn: orgApi.tokens });

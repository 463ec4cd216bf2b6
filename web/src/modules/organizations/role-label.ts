import type { TFunction } from 'i18next';

/** Role and permission names come from the server as codes; these give them words in the UI language. */
export const roleLabel = (t: TFunction, role: string) => t(`roleNames.${role}`, { ns: 'common', defaultValue: role });
export const permissionLabel = (t: TFunction, action: string, fallback?: string) =>
  t(`permissions.${action}`, { ns: 'common', defaultValue: fallback ?? action });

import type { TFunction } from 'i18next';

/** "person.read" → "Viewed a person's record"; codes the UI does not know yet stay as they are. */
export const auditActionLabel = (t: TFunction, action: string) => t(`actionNames.${action}`, { ns: 'audit', defaultValue: action });
export const entityTypeLabel = (t: TFunction, type: string) => t(`entityTypes.${type}`, { ns: 'audit', defaultValue: type });

/** Flatten the nested translation tree back into codes: the filter offers what the UI can name. */
export function knownCodes(tree: unknown, prefix = ''): string[] {
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : knownCodes(v, `${prefix}${k}.`),
  );
}

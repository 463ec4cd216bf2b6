import { useQuery } from '@tanstack/react-query';
import { useCan } from '../auth/session.ts';
import { orgApi, orgKeys } from '../organizations/organizations.api.ts';
import { browserTimeZone } from './schedule-time.ts';

/**
 * The zone a send time is typed in: the org's, when this person may read the org's settings;
 * otherwise the browser's (the field names the zone either way, so nobody guesses).
 */
export function useOrgTimeZone(): string {
  const canRead = useCan('org.settings');
  const settings = useQuery({ queryKey: orgKeys.settings, queryFn: orgApi.settings, enabled: canRead, staleTime: 10 * 60_000 });
  return (canRead ? settings.data?.timeZone : null) ?? browserTimeZone();
}

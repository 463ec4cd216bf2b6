import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../contracts/alerts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { DetailList } from '../../ui/DetailList.tsx';
import { useSession } from '../auth/session.ts';
import { useAffiliates } from './alerts.api.ts';

/** The saved audience in words, for the approver: every filter, and "everyone" where there is none. */
export function AudienceSummary({ alert }: { alert: Alert }) {
  const { t } = useTranslation('alerts');
  const session = useSession();
  const isNetwork = session.memberships.find((m) => m.orgId === session.currentOrgId)?.orgKind === 'network';
  const affiliates = useAffiliates(isNetwork && alert.audience.orgIds.length > 0);
  const a = alert.audience;
  const any = t('audience.any');
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : any);
  const orgNames = a.orgIds.map((id) => affiliates.data?.items.find((x) => x.id === id)?.name ?? id);
  return (
    <DetailList
      items={[
        ...(isNetwork ? [{ key: 'orgs', term: t('audience.affiliates'), value: a.orgIds.length ? orgNames.join(', ') : t('audience.networkWide') }] : []),
        { key: 'states', term: t('audience.states'), value: list(a.states) },
        { key: 'zips', term: t('audience.zips'), value: list(a.zips) },
        { key: 'counties', term: t('audience.counties'), value: list(a.counties) },
        { key: 'langs', term: t('audience.langs'), value: a.langs.length ? a.langs.map((l) => LANGUAGE_NAMES[l]).join(', ') : any },
        { key: 'topics', term: t('audience.topics'), value: a.topics.length ? a.topics.map((x) => t(`topics.${x}`)).join(', ') : any },
        { key: 'tags', term: t('audience.tags'), value: list(a.tags) },
        { key: 'channels', term: t('fields.channels'), value: a.channels.map((c) => t(`channels.${c}`)).join(', ') },
        { key: 'also', term: t('audience.alsoSourceLangShort'), value: a.alsoSourceLang ? t('audience.yes') : t('audience.no') },
      ]}
    />
  );
}

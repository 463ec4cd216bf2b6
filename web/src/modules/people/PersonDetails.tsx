import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contracts/people.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DetailList } from '../../ui/DetailList.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { LanguageName } from './LanguageName.tsx';

export function PersonDetails({ person: p }: { person: Person }) {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  const none = t('detail.none');
  return (
    <Panel title={t('detail.details')}>
      <DetailList
        empty={none}
        items={[
          { key: 'givenName', term: t('fields.givenName'), value: p.givenName },
          { key: 'familyName', term: t('fields.familyName'), value: p.familyName },
          { key: 'nameKo', term: t('fields.nameKo'), value: p.nameKo ? <span lang="ko">{p.nameKo}</span> : null },
          { key: 'otherNames', term: t('fields.otherNames'), value: p.otherNames },
          { key: 'phone', term: t('fields.phone'), value: p.phone ? <a href={`tel:${p.phone}`}>{fmt.phone(p.phone)}</a> : null },
          { key: 'email', term: t('fields.email'), value: p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null },
          { key: 'preferredLanguage', term: t('fields.preferredLanguage'), value: <LanguageName lang={p.preferredLanguage} /> },
          { key: 'state', term: t('fields.state'), value: p.state },
          { key: 'zip', term: t('fields.zip'), value: p.zip },
          { key: 'createdAt', term: t('fields.createdAt'), value: fmt.dateTime(p.createdAt) },
          { key: 'updatedAt', term: t('fields.updatedAt'), value: fmt.dateTime(p.updatedAt) },
        ]}
      />
    </Panel>
  );
}

import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contracts/people.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DetailList } from '../../ui/DetailList.tsx';
import { SensitiveFieldset } from './SensitiveFieldset.tsx';

/** Present only when the server sent the sensitive block (the role may read it, and the read was audited). */
export function SensitiveDetails({ sensitive }: { sensitive: NonNullable<Person['sensitive']> }) {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  return (
    <SensitiveFieldset as="section">
      <DetailList
        empty={t('detail.none')}
        items={[
          { key: 'dateOfBirth', term: t('fields.dateOfBirth'), value: fmt.date(sensitive.dateOfBirth) },
          { key: 'immigrationStatus', term: t('fields.immigrationStatus'), value: sensitive.immigrationStatus },
          { key: 'aNumber', term: t('fields.aNumber'), value: sensitive.aNumber ? <span className="mono">{sensitive.aNumber}</span> : null },
        ]}
      />
    </SensitiveFieldset>
  );
}

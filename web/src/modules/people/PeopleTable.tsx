import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonSummary } from '../../../../contracts/people.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { LanguageName } from './LanguageName.tsx';
import { romanizedName } from './person-names.ts';

export function PeopleTable({ people, empty }: { people: PersonSummary[]; empty: ReactNode }) {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  return (
    <DataTable
      caption={t('list.tableCaption')}
      hideCaption
      rows={people}
      rowKey={(p) => p.id}
      empty={empty}
      columns={[
        {
          key: 'name',
          header: t('fields.name'),
          primary: true,
          render: (p) => (
            <>
              <Link to={paths.person(p.id)}>{romanizedName(p)}</Link>
              {p.nameKo ? (
                <span lang="ko" className="muted">
                  {' '}
                  {p.nameKo}
                </span>
              ) : null}
              {p.otherNames ? <div className="muted">{t('list.aka', { names: p.otherNames })}</div> : null}
            </>
          ),
        },
        { key: 'phone', header: t('fields.phone'), render: (p) => <span className="nowrap">{fmt.phone(p.phone)}</span> },
        { key: 'email', header: t('fields.email'), render: (p) => p.email ?? '' },
        { key: 'language', header: t('fields.preferredLanguage'), render: (p) => <LanguageName lang={p.preferredLanguage} /> },
        { key: 'place', header: t('fields.place'), render: (p) => [p.state, p.zip].filter(Boolean).join(' ') },
      ]}
    />
  );
}

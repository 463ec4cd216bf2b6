import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../../contracts/cases.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { useSession } from '../auth/session.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';

/** One row per case; under 600 px each becomes a card titled by the person's name. */
export function CasesTable({ cases, empty }: { cases: CaseSummary[]; empty: ReactNode }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const me = useSession().user.id;
  return (
    <DataTable
      caption={t('list.tableCaption')}
      hideCaption
      rows={cases}
      rowKey={(c) => c.id}
      empty={empty}
      columns={[
        {
          key: 'person',
          header: t('list.person'),
          primary: true,
          // The server gives "이서연 · Seoyeon Lee": Hangul and romanized, as on file.
          render: (c) => (
            <Link to={paths.case(c.id)} data-testid="case-link">
              {c.person.name}
            </Link>
          ),
        },
        { key: 'type', header: t('detail.type'), render: (c) => t(`types.${c.type}`) },
        { key: 'status', header: t('detail.status'), render: (c) => <CaseStatusBadge status={c.status} /> },
        { key: 'opened', header: t('list.opened'), render: (c) => <span className="nowrap">{fmt.date(c.openedAt)}</span> },
        {
          key: 'assignee',
          header: t('list.assignee'),
          render: (c) => (c.assignedTo ? (c.assignedTo.userId === me ? t('list.you') : c.assignedTo.name) : <span className="muted">{t('list.unassigned')}</span>),
        },
      ]}
    />
  );
}

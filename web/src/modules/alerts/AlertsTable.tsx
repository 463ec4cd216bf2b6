import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertSummary } from '../../../../contracts/alerts.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { LanguageName } from '../people/LanguageName.tsx';
import { alertPaths } from './alert-paths.ts';
import { AlertStatusBadge } from './AlertStatusBadge.tsx';

/** One row per alert, newest first; under 600 px each becomes a card titled by the alert's title. */
export function AlertsTable({ alerts }: { alerts: AlertSummary[] }) {
  const { t } = useTranslation('alerts');
  const fmt = useFormat();
  return (
    <DataTable
      caption={t('list.tableCaption')}
      hideCaption
      rows={alerts}
      rowKey={(a) => a.id}
      empty={<p>{t('list.empty')}</p>}
      columns={[
        {
          key: 'title',
          header: t('list.alert'),
          primary: true,
          render: (a) => (
            <>
              <Link to={alertPaths.alert(a.id)} data-testid="alert-link">
                {a.title}
              </Link>
              {a.kind !== 'alert' ? <span className="muted"> · {t(`kinds.${a.kind}`)}</span> : null}
              {a.emergency ? <span className="alerts-emergency-mark"> · {t('list.emergency')}</span> : null}
            </>
          ),
        },
        { key: 'topic', header: t('fields.topic'), render: (a) => t(`topics.${a.topic}`) },
        { key: 'status', header: t('fields.status'), render: (a) => <AlertStatusBadge status={a.status} /> },
        {
          key: 'langs',
          header: t('list.languages'),
          render: (a) =>
            a.langs.map((l, i) => (
              <span key={l}>
                {i > 0 ? ', ' : ''}
                <LanguageName lang={l} />
              </span>
            )),
        },
        { key: 'recipients', header: t('list.recipients'), render: (a) => (a.recipients === null ? '' : fmt.number(a.recipients)) },
        {
          key: 'created',
          header: t('list.created'),
          render: (a) => (
            <span className="nowrap">
              {fmt.dateTime(a.createdAt)}
              {a.createdBy ? <span className="muted"> · {a.createdBy.name}</span> : null}
            </span>
          ),
        },
        {
          key: 'started',
          header: t('list.started'),
          render: (a) => <span className="nowrap">{a.startedAt ? fmt.dateTime(a.startedAt) : a.scheduledAt ? t('list.scheduledFor', { at: fmt.dateTime(a.scheduledAt) }) : ''}</span>,
        },
      ]}
    />
  );
}

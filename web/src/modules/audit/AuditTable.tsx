import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../../contracts/audit.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { auditActionLabel, entityTypeLabel } from './audit-labels.ts';

function EntityCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  if (!entry.entityType) return null;
  const label = entityTypeLabel(t, entry.entityType);
  if (!entry.entityId) return <>{label}</>;
  return (
    <>
      {label}
      <br />
      {entry.entityType === 'person' ? (
        <Link className="mono" to={paths.person(entry.entityId)}>
          {entry.entityId}
        </Link>
      ) : (
        <span className="mono">{entry.entityId}</span>
      )}
    </>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('audit');
  const fmt = useFormat();
  return (
    <DataTable
      caption={t('table.caption')}
      hideCaption
      rows={entries}
      rowKey={(e) => String(e.id)}
      empty={t('table.empty')}
      columns={[
        { key: 'time', header: t('table.time'), primary: true, render: (e) => <time dateTime={e.createdAt}>{fmt.dateTime(e.createdAt)}</time> },
        { key: 'actor', header: t('table.actor'), render: (e) => <span className="mono">{e.actorLabel}</span> },
        {
          key: 'action',
          header: t('table.action'),
          render: (e) => (
            <>
              {auditActionLabel(t, e.action)}
              <span className="action-code">{e.action}</span>
            </>
          ),
        },
        { key: 'entity', header: t('table.entity'), render: (e) => <EntityCell entry={e} /> },
        {
          key: 'details',
          header: t('table.details'),
          render: (e) => (Object.keys(e.details).length ? <pre className="json-compact">{JSON.stringify(e.details)}</pre> : null),
        },
      ]}
    />
  );
}

import { useTranslation } from 'react-i18next';
import type { Sender } from '../../../../contracts/messaging.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

export function SendersTable({ senders, onEdit, onDelete }: { senders: Sender[]; onEdit: (s: Sender) => void; onDelete: (s: Sender) => void }) {
  const { t } = useTranslation('messaging');
  const fmt = useFormat();
  return (
    <DataTable<Sender>
      caption={t('senders.title')}
      hideCaption
      rows={senders}
      rowKey={(s) => s.id}
      empty={t('senders.empty')}
      columns={[
        {
          key: 'label',
          header: t('senders.label'),
          primary: true,
          render: (s) => (
            <>
              {s.label} {s.isDefault ? <Badge tone="accent">{t('senders.default')}</Badge> : null}
            </>
          ),
        },
        { key: 'phone', header: t('senders.phone'), render: (s) => fmt.phone(s.phone) },
        { key: 'service', header: t('senders.service'), render: (s) => (s.messagingServiceSid ? <code className="mono">{s.messagingServiceSid}</code> : null) },
        {
          key: 'pace',
          header: t('senders.pace'),
          render: (s) => (s.segmentsPerSecond == null ? t('senders.unpaced') : t('senders.perSecond', { rate: fmt.number(s.segmentsPerSecond) })),
        },
        {
          key: 'actions',
          header: t('senders.actions'),
          render: (s) => (
            <span className="button-row">
              <Button onClick={() => onEdit(s)} aria-label={t('senders.editNamed', { label: s.label })}>
                {t('senders.edit')}
              </Button>
              <Button variant="danger" onClick={() => onDelete(s)} aria-label={t('senders.deleteNamed', { label: s.label })}>
                {t('senders.delete')}
              </Button>
            </span>
          ),
        },
      ]}
    />
  );
}

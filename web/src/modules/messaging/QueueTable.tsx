import { useTranslation } from 'react-i18next';
import type { QueueSenderRow } from '../../../../contracts/messaging.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

export function QueueTable({ rows }: { rows: QueueSenderRow[] }) {
  const { t } = useTranslation('messaging');
  const fmt = useFormat();
  const n = (v: number) => fmt.number(v);
  return (
    <DataTable<QueueSenderRow>
      caption={t('queue.perSender')}
      hideCaption
      rows={rows}
      rowKey={(r) => r.senderId ?? 'none'}
      empty={t('queue.empty')}
      columns={[
        {
          key: 'sender',
          header: t('queue.sender'),
          primary: true,
          render: (r) => (r.senderId ? `${r.label} ${fmt.phone(r.phone)}`.trim() : t('queue.noSender')),
        },
        { key: 'queued', header: t('queue.queued'), render: (r) => n(r.queued) },
        { key: 'held', header: t('queue.held'), render: (r) => n(r.held) },
        { key: 'sending', header: t('queue.sending'), render: (r) => n(r.sending) },
        { key: 'sent', header: t('queue.sentLastMinute'), render: (r) => t('queue.sentValue', { messages: n(r.sentLastMinute), segments: n(r.segmentsLastMinute) }) },
        {
          key: 'failed',
          header: t('queue.failedLastHour'),
          render: (r) => (r.failedLastHour > 0 ? <Badge tone="negative">{n(r.failedLastHour)}</Badge> : n(0)),
        },
        {
          key: 'pace',
          header: t('queue.pace'),
          render: (r) => (r.segmentsPerSecond == null ? t('senders.unpaced') : t('senders.perSecond', { rate: fmt.number(r.segmentsPerSecond) })),
        },
      ]}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { CostTool } from './CostTool.tsx';
import { QueueTable } from './QueueTable.tsx';
import { useQueue } from './messaging.api.ts';

/** The queue, refreshed every 2 s, and the cost tool: what an organizer watches during a send. */
export function QueuePage() {
  const { t } = useTranslation('messaging');
  const fmt = useFormat();
  const queue = useQueue();
  const q = queue.data;
  return (
    <>
      <PageHeading title={t('queue.title')} description={t('queue.intro')} />
      {queue.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {/* A failed refresh keeps the last counts on screen and says they are stale. */}
      {queue.error ? <Alert tone="error">{t('queue.stale', { message: queue.error.message })}</Alert> : null}
      {q ? (
        <>
          <Panel title={t('queue.totals')}>
            <DetailList
              items={[
                { key: 'queued', term: t('queue.queued'), value: fmt.number(q.totals.queued) },
                { key: 'held', term: t('queue.held'), value: fmt.number(q.totals.held) },
                { key: 'sending', term: t('queue.sending'), value: fmt.number(q.totals.sending) },
                { key: 'sent', term: t('queue.sentLastMinute'), value: t('queue.sentValue', { messages: fmt.number(q.totals.sentLastMinute), segments: fmt.number(q.totals.segmentsLastMinute) }) },
                { key: 'failed', term: t('queue.failedLastHour'), value: fmt.number(q.totals.failedLastHour) },
                {
                  key: 'oldest',
                  term: t('queue.oldest'),
                  value: q.oldestQueuedAgeSeconds == null ? t('queue.none') : t('queue.age', { seconds: fmt.number(q.oldestQueuedAgeSeconds) }),
                },
                { key: 'updated', term: t('queue.updated'), value: fmt.dateTime(q.generatedAt) },
              ]}
            />
          </Panel>
          <Panel title={t('queue.perSender')}>
            <QueueTable rows={q.senders} />
          </Panel>
        </>
      ) : null}
      <Panel title={t('cost.title')}>
        <CostTool />
      </Panel>
    </>
  );
}

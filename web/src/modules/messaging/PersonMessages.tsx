import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HistoryItem } from '../../../../contracts/messaging.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { messagingApi, messagingKeys } from './messaging.api.ts';

const GOOD = new Set(['delivered', 'received', 'completed']);
const BAD = new Set(['failed', 'undelivered', 'canceled', 'busy', 'no-answer']);
const tone = (status: string): BadgeTone => (GOOD.has(status) ? 'positive' : BAD.has(status) ? 'negative' : 'neutral');

/** A person's texts, calls and emails, newest first, older pages on demand (each page read is audited on the server). */
export function PersonMessages({ personId }: { personId: string }) {
  const { t } = useTranslation('messaging');
  const fmt = useFormat();
  const history = useInfiniteQuery({
    queryKey: messagingKeys.history(personId),
    queryFn: ({ pageParam }) => messagingApi.history(personId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  const label = (group: string, value: string) => t(`history.${group}.${value}`, { defaultValue: value });

  return (
    <Panel title={t('history.title')}>
      {history.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {history.error ? <Alert tone="error">{history.error.message}</Alert> : null}
      {history.data ? (
        <DataTable<HistoryItem>
          caption={t('history.title')}
          hideCaption
          rows={items}
          rowKey={(i) => `${i.channel}:${i.id}`}
          empty={t('history.empty')}
          columns={[
            { key: 'at', header: t('history.at'), primary: true, render: (i) => fmt.dateTime(i.at) },
            { key: 'direction', header: t('history.direction'), render: (i) => `${label('directions', i.direction)} · ${label('channels', i.channel)}` },
            { key: 'body', header: t('history.body'), render: (i) => i.body ?? <span className="muted">{t('history.noBody')}</span> },
            {
              key: 'status',
              header: t('history.status'),
              render: (i) => (
                <>
                  <Badge tone={tone(i.status)}>{label('statuses', i.status)}</Badge>
                  {i.statusReason ? <span className="muted"> {label('reasons', i.statusReason)}</span> : null}
                  {i.errorCode != null ? <span className="muted"> ({t('history.errorCode', { code: i.errorCode })})</span> : null}
                </>
              ),
            },
            { key: 'segments', header: t('history.segments'), render: (i) => (i.segments == null ? '' : fmt.number(i.segments)) },
          ]}
        />
      ) : null}
      {history.hasNextPage ? (
        <div className="button-row">
          <Button onClick={() => void history.fetchNextPage()} busy={history.isFetchingNextPage}>
            {t('history.older')}
          </Button>
        </div>
      ) : null}
    </Panel>
  );
}

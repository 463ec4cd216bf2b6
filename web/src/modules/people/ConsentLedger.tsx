import { useTranslation } from 'react-i18next';
import type { ConsentEvent } from '../../../../contracts/people.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useConsents } from './people.api.ts';

/** Every opt-in and opt-out, newest first as the server returns them: the proof of consent. */
export function ConsentLedger({ personId }: { personId: string }) {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  const consents = useConsents(personId);
  const label = (group: string, value: string) => t(`consent.${group}.${value}`, { defaultValue: value });

  return (
    <Panel title={t('consent.title')}>
      {consents.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {consents.error ? <Alert tone="error">{consents.error.message}</Alert> : null}
      {consents.data ? (
        <DataTable<ConsentEvent>
          caption={t('consent.title')}
          hideCaption
          rows={consents.data.items}
          rowKey={(c) => c.id}
          empty={t('consent.empty')}
          columns={[
            { key: 'when', header: t('consent.when'), primary: true, render: (c) => fmt.dateTime(c.createdAt) },
            {
              key: 'status',
              header: t('consent.status'),
              render: (c) => <Badge tone={c.status === 'opted_in' ? 'positive' : 'negative'}>{label('statuses', c.status)}</Badge>,
            },
            { key: 'channel', header: t('consent.channel'), render: (c) => label('channels', c.channel) },
            { key: 'scope', header: t('consent.scope'), render: (c) => label('scopes', c.scope) },
            { key: 'topic', header: t('consent.topic'), render: (c) => t(`consent.topics.${c.topic}`, { defaultValue: c.topic }) },
            { key: 'evidence', header: t('consent.evidence'), render: (c) => label('evidenceKinds', c.evidenceKind) },
          ]}
        />
      ) : null}
    </Panel>
  );
}

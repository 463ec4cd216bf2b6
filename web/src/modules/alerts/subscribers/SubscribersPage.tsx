import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_TOPICS } from '../../../../../contracts/alerts.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../app/i18n.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeading } from '../../../ui/PageHeading.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { Select } from '../../../ui/Select.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useDebounced } from '../use-debounced.ts';
import { SubscriberImport } from './SubscriberImport.tsx';
import { type SubscriberFilter, useSubscribers } from './subscribers.api.ts';

/** Alert subscribers: how many, by language and topic, the first 100 (contacts masked), and the CSV import. */
export function SubscribersPage() {
  const { t } = useTranslation('alerts-subscribers');
  const { t: tp } = useTranslation('alerts-public');
  const [filter, setFilter] = useState<SubscriberFilter>({});
  // Typing in the search box asks once per pause, not once per key.
  const list = useSubscribers(useDebounced(filter, 300));
  const set = (k: keyof SubscriberFilter, v: string) => setFilter((f) => ({ ...f, [k]: v || undefined }));

  return (
    <div className="stack">
      <PageHeading title={t('title')} description={t('intro')} />
      <Panel title={t('counts.title')}>
        {list.isPending ? <Loading label={t('loading')} /> : null}
        {list.error ? <Alert tone="error">{(list.error as Error).message}</Alert> : null}
        {list.data ? (
          <div className="stack">
            <p className="subscribers-total">{t('counts.total', { count: list.data.total })}</p>
            <ul className="subscribers-counts">
              {list.data.byLanguage.map((l) => <li key={l.lang}>{t('counts.lang', { lang: LANGUAGE_NAMES[l.lang], count: l.count })}</li>)}
            </ul>
            <ul className="subscribers-counts">
              {list.data.byTopic.map((x) => <li key={x.topic}>{t('counts.topic', { topic: tp(`topics.${x.topic}`), count: x.count })}</li>)}
            </ul>
          </div>
        ) : null}
      </Panel>
      <Panel title={t('list.title')}>
        <div className="form-grid">
          <Select label={t('list.lang')} value={filter.lang ?? ''} onChange={(e) => set('lang', e.target.value)} options={[{ value: '', label: t('list.any') }, ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))]} />
          <Select label={t('list.topic')} value={filter.topic ?? ''} onChange={(e) => set('topic', e.target.value)} options={[{ value: '', label: t('list.any') }, ...ALERT_TOPICS.map((x) => ({ value: x, label: tp(`topics.${x}`) }))]} />
          <TextField label={t('list.search')} value={filter.q ?? ''} onChange={(e) => set('q', e.target.value)} maxLength={100} />
        </div>
        {list.data?.items.length ? (
          <DataTable
            caption={t('list.caption', { shown: list.data.items.length, total: list.data.total })}
            rows={list.data.items}
            rowKey={(s) => s.id}
            columns={[
              { key: 'name', header: t('list.name'), primary: true, render: (s) => s.name || t('list.noName') },
              { key: 'phone', header: t('list.phone'), render: (s) => s.phone ?? '—' },
              { key: 'email', header: t('list.email'), render: (s) => s.email ?? '—' },
              { key: 'lang', header: t('list.lang'), render: (s) => LANGUAGE_NAMES[s.lang] },
              { key: 'zip', header: t('list.zip'), render: (s) => s.zip ?? '—' },
              { key: 'topics', header: t('list.topics'), render: (s) => s.topics.map((x) => tp(`topics.${x}`)).join(', ') },
              { key: 'consent', header: t('list.consent'), render: (s) => t(`consent.${s.consent}`) },
            ]}
          />
        ) : list.data ? <p className="muted">{t('list.empty')}</p> : null}
      </Panel>
      <SubscriberImport />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DACA_STATES, type Renewal } from '../../../../contracts/daca.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Select } from '../../ui/Select.tsx';
import { useRenewals } from './renewals.api.ts';
import { daysLeftText, paramsFromRenewalFilters, RENEWAL_WINDOWS, type RenewalFilters, renewalFiltersFromParams, renewalsCsvUrl, stateTone } from './renewals-view.ts';
import './case-pages.css';

/**
 * Upcoming DACA renewals for clinic planning: soonest expiry first, then those that lapsed
 * (still renewals within a year), with where each stands and whether reminders reached them
 * ("no consent": call them). The filters live in the URL; the CSV is the server's.
 */
export function DacaRenewalsPage() {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = renewalFiltersFromParams(params);
  const list = useRenewals(filters);
  const go = (f: RenewalFilters) => setParams(paramsFromRenewalFilters(f), { replace: true });
  const items = list.data?.items ?? [];

  const days = (r: Renewal) => {
    const d = daysLeftText(r.daysLeft);
    return t(`renewals.days.${d.key}`, { n: fmt.number(d.count) });
  };

  return (
    <>
      <PageHeading
        title={t('renewals.title')}
        description={t('renewals.intro')}
        actions={
          <a className="btn btn--secondary" href={renewalsCsvUrl(filters)} download>
            <span aria-hidden="true">⤓ </span>
            {t('renewals.download')}
          </a>
        }
      />
      <form className="case-toolbar" aria-label={t('renewals.filters')} onSubmit={(e) => e.preventDefault()}>
        <Select
          label={t('renewals.within')}
          value={String(filters.withinDays)}
          onChange={(e) => go({ ...filters, withinDays: Number(e.target.value) })}
          options={RENEWAL_WINDOWS.map((d) => ({ value: String(d), label: t('renewals.withinDays', { n: d }) }))}
        />
        <Select
          label={t('renewals.state')}
          value={filters.state ?? ''}
          onChange={(e) => go({ withinDays: filters.withinDays, ...(e.target.value ? { state: e.target.value as RenewalFilters['state'] } : {}) })}
          options={[{ value: '', label: t('renewals.anyState') }, ...DACA_STATES.map((s) => ({ value: s, label: t(`daca.states.${s}`) }))]}
        />
      </form>
      {list.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {list.error ? (
        <Alert tone="error" actions={<Button onClick={() => void list.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {list.error.message}
        </Alert>
      ) : null}
      {list.data ? (
        <section aria-labelledby="renewal-results" aria-busy={list.isFetching}>
          <h2 id="renewal-results" className="visually-hidden">
            {t('renewals.results')}
          </h2>
          <p role="status">
            {t('renewals.total', { total: fmt.number(items.length) })} {t('renewals.checkedOn', { date: fmt.date(list.data.referenceCheckedOn) })}
          </p>
          {list.data.truncated ? <Alert tone="info">{t('renewals.truncated', { total: fmt.number(items.length) })}</Alert> : null}
          <DataTable
            caption={t('renewals.caption')}
            hideCaption
            rows={items}
            rowKey={(r) => r.person.id}
            empty={<p>{t('renewals.empty')}</p>}
            columns={[
              {
                key: 'person',
                header: t('renewals.person'),
                primary: true,
                render: (r) => (
                  <>
                    {r.person.nameKo ? (
                      <span lang="ko">
                        {r.person.nameKo}
                        {' · '}
                      </span>
                    ) : null}
                    {r.person.name}
                  </>
                ),
              },
              { key: 'expires', header: t('renewals.expires'), render: (r) => <time dateTime={r.expiresOn}>{fmt.date(r.expiresOn)}</time> },
              { key: 'days', header: t('renewals.daysLeft'), render: (r) => days(r) },
              { key: 'state', header: t('renewals.state'), render: (r) => <Badge tone={stateTone(r.state)}>{t(`daca.states.${r.state}`)}</Badge> },
              {
                key: 'window',
                header: t('renewals.window'),
                render: (r) => (r.filedOn ? t('renewals.filedOn', { date: fmt.date(r.filedOn) }) : t('daca.windowRange', { from: fmt.date(r.windowOpensOn), to: fmt.date(r.windowClosesOn) })),
              },
              {
                key: 'reminders',
                header: t('renewals.reminders'),
                render: (r) => (
                  <>
                    {t('renewals.remindersSent', { sent: r.reminders.sent, scheduled: r.reminders.scheduled })}
                    {r.reminders.noConsent ? (
                      <>
                        {' '}
                        <Badge tone="caution">{t('renewals.noConsent')}</Badge>
                      </>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'case',
                header: t('renewals.case'),
                render: (r) => (r.caseId ? <Link to={paths.case(r.caseId)}>{t('renewals.openCase', { name: r.person.name })}</Link> : <span className="muted">{t('renewals.noCase')}</span>),
              },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}

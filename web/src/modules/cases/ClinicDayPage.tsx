import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DacaState } from '../../../../contracts/daca.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useCan } from '../auth/session.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { isIsoDay } from '../../lib/report-period.ts';
import { useClinicDay } from './clinic.api.ts';
import { visitStage } from './clinic-day.ts';
import { ClinicExpected } from './ClinicExpected.tsx';
import { ClinicVisitActions } from './ClinicVisitActions.tsx';
import { stateTone } from './renewals-view.ts';
import './case-pages.css';

const STAGE_TONE = { checked_in: 'neutral', with_attorney: 'accent', filed: 'positive' } as const;

/**
 * A DACA clinic day: people who should file now, checked in as they arrive (their renewal
 * case is reused or opened), screened on their case page, handed to an attorney or
 * accredited representative for review, and marked filed. Another day can be looked back
 * at (?day=), without the check-in list.
 */
export function ClinicDayPage() {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('day');
  const dayParam = isIsoDay(asked) ? asked : null;
  const day = useClinicDay(dayParam);
  const canWrite = useCan('cases.write');
  const data = day.data;
  const isToday = dayParam === null;

  return (
    <>
      <PageHeading title={t('clinic.title')} description={t('clinic.intro')} />
      <form className="case-toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('clinic.dayLabel')}>
        <TextField type="date" label={t('clinic.day')} value={data?.day ?? dayParam ?? ''} onChange={(e) => setParams(e.target.value ? { day: e.target.value } : {}, { replace: true })} />
        {!isToday ? <Button onClick={() => setParams({}, { replace: true })}>{t('clinic.backToToday')}</Button> : null}
      </form>
      {day.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {day.error ? (
        <Alert tone="error" actions={<Button onClick={() => void day.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {day.error.message}
        </Alert>
      ) : null}
      {data ? (
        <>
          <Panel title={t('clinic.checkedIn', { n: fmt.number(data.visits.length) })}>
            <p role="status" className="muted">
              {t('clinic.dayOf', { date: fmt.date(data.day), timeZone: data.timeZone })}
            </p>
            <DataTable
              caption={t('clinic.visitsCaption')}
              hideCaption
              rows={data.visits}
              rowKey={(v) => v.case.id}
              empty={<p>{t('clinic.nobodyYet')}</p>}
              columns={[
                { key: 'person', header: t('renewals.person'), primary: true, render: (v) => v.case.person.name },
                { key: 'arrived', header: t('clinic.arrived'), render: (v) => <time dateTime={v.checkedInAt}>{fmt.dateTime(v.checkedInAt)}</time> },
                {
                  key: 'daca',
                  header: t('clinic.daca'),
                  render: (v) =>
                    v.daca ? (
                      <>
                        {t('clinic.expires', { date: fmt.date(v.daca.expiresOn) })}{' '}
                        <Badge tone={stateTone(v.daca.state as DacaState)}>{t(`daca.states.${v.daca.state}`, { defaultValue: v.daca.state })}</Badge>
                      </>
                    ) : (
                      <span className="muted">{t('clinic.noDacaDates')}</span>
                    ),
                },
                { key: 'stage', header: t('clinic.stage'), render: (v) => <Badge tone={STAGE_TONE[visitStage(v)]}>{t(`clinic.stages.${visitStage(v)}`)}</Badge> },
                { key: 'screening', header: t('clinic.screening'), render: (v) => <Link to={paths.case(v.case.id)}>{t('clinic.screenPerson', { name: v.case.person.name })}</Link> },
                ...(canWrite ? [{ key: 'actions', header: t('clinic.actions'), render: (v: (typeof data.visits)[number]) => <ClinicVisitActions visit={v} reviewers={data.reviewers} /> }] : []),
              ]}
            />
          </Panel>
          {isToday ? <ClinicExpected visits={data.visits} canWrite={canWrite} /> : null}
        </>
      ) : null}
    </>
  );
}

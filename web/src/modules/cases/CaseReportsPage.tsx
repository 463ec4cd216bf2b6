import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { reportPeriodLabels, todayIso } from '../../lib/report-period.ts';
import { CASE_REPORT_PRESETS, type CaseReportPeriod, caseReportCsvUrl, caseReportPeriodFromParams, paramsFromCaseReportPeriod } from './case-report-figures.ts';
import { ReportPeriodForm } from '../../ui/ReportPeriodForm.tsx';
import { useCaseReport } from './reports.api.ts';
import { ReportTable } from './ReportTable.tsx';
import './case-pages.css';

// The chart library is the heaviest thing on any page: it loads only when a report is shown.
const ReportCharts = lazy(() => import('./ReportCharts.tsx').then((m) => ({ default: m.ReportCharts })));

/**
 * The figures a network reports to funders ("information to 14,210 people; 2,200
 * applications processed"), per affiliate and period: charts for a glance, the same numbers
 * as a table, and the server's CSV. Counts only: nobody's name is on this page.
 */
export function CaseReportsPage() {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const period = caseReportPeriodFromParams(params, todayIso());
  const report = useCaseReport(period.from, period.to);
  const go = (next: CaseReportPeriod) => setParams(paramsFromCaseReportPeriod(next), { replace: true });
  const data = report.data;

  return (
    <>
      <PageHeading
        title={t('reports.title')}
        description={t('reports.intro')}
        actions={
          data ? (
            <a className="btn btn--secondary" href={caseReportCsvUrl(data.from, data.to)} download>
              <span aria-hidden="true">⤓ </span>
              {t('reports.download')}
            </a>
          ) : null
        }
      />
      <ReportPeriodForm presets={CASE_REPORT_PRESETS} period={period} onChange={go} labels={reportPeriodLabels(t)} idPrefix="case-report" />
      {report.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {report.isError ? (
        <Alert tone="error" actions={<Button onClick={() => void report.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {report.error.message}
        </Alert>
      ) : null}
      {data ? (
        <div className="case-report" aria-busy={report.isFetching}>
          <p className="case-report__range" role="status" data-testid="case-report-range">
            {t('reports.range', { from: fmt.date(data.from), to: fmt.date(data.to) })}
            {report.isPlaceholderData ? ` ${t('reports.updating')}` : ''}
          </p>
          <p className="case-report__headline">
            {t('reports.headline', { information: fmt.number(data.informationOnly), cases: fmt.number(data.casesOpened.total), filed: fmt.number(data.dacaRenewalsFiled.total) })}
          </p>
          <Panel title={t('reports.charts.title')}>
            <Suspense fallback={<Loading label={t('status.loading', { ns: 'common' })} />}>
              <ReportCharts report={data} />
            </Suspense>
          </Panel>
          <Panel title={t('reports.table.title')}>
            <ReportTable report={data} />
          </Panel>
        </div>
      ) : null}
    </>
  );
}

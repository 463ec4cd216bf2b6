import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useHotlineReport } from './hotline-admin.api.ts';
import { type Period, paramsFromPeriod, periodFromParams, reportPeriodLabels, todayIso } from '../../lib/report-period.ts';
import { ReportPeriodForm } from '../../ui/ReportPeriodForm.tsx';
import { ReportsBreakdown } from './ReportsBreakdown.tsx';
import { ReportsByDay } from './ReportsByDay.tsx';
import { ReportsSummary } from './ReportsSummary.tsx';
import './reports.css';

/**
 * What a coordinator reports to the network and to funders: volume by day, channel,
 * language and category, first-response times, calls, and what is still waiting. The
 * period lives in the URL, so a report can be bookmarked or sent to a colleague.
 */
/** Last 7 days (the default), last 30, or a custom range. */
const HOTLINE_PERIODS = ['7', '30', 'custom'] as const;
type HotlinePeriod = (typeof HOTLINE_PERIODS)[number];

export function ReportsPage() {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params, todayIso(), HOTLINE_PERIODS);
  const report = useHotlineReport(period.from, period.to);
  const go = (next: Period<HotlinePeriod>) => setParams(paramsFromPeriod(next, HOTLINE_PERIODS), { replace: true });
  const data = report.data;

  return (
    <>
      <PageHeading title={t('reports.title')} description={t('reports.intro')} />
      <ReportPeriodForm presets={HOTLINE_PERIODS} period={period} onChange={go} labels={reportPeriodLabels(t)} idPrefix="report" />
      {report.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {report.isError ? (
        <Alert tone="error" actions={<Button onClick={() => void report.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {report.error.message}
        </Alert>
      ) : null}
      {data ? (
        <div className="report" aria-busy={report.isFetching}>
          <p className="report__range" role="status" data-testid="report-range">
            {t('reports.range', { from: fmt.date(data.from), to: fmt.date(data.to), timeZone: data.timeZone })}
            {report.isPlaceholderData ? ` ${t('reports.updating')}` : ''}
          </p>
          <ReportsSummary report={data} />
          <ReportsByDay report={data} />
          <ReportsBreakdown report={data} />
        </div>
      ) : null}
    </>
  );
}

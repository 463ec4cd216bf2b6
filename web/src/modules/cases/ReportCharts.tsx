import { useTranslation } from 'react-i18next';
import type { CaseReport } from '../../../../contracts/cases.ts';
import { useFormat } from '../../lib/use-format.ts';
import { chartBars, type Figure, type FigureGroup, figureLabel, onTimeShare, reportFigures } from './case-report-figures.ts';
import { type ChartBar, ReportChart } from './ReportChart.tsx';

/** The report as four charts: people (information vs cases by type), DACA renewals, referrals, hours to consultation. */
export function ReportCharts({ report }: { report: CaseReport }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const figures = reportFigures(report);
  const label = (f: Figure) => figureLabel(t, f);
  const bars = (group: FigureGroup): ChartBar[] => chartBars(figures, group).map((f) => ({ key: f.key, label: label(f), value: f.value ?? 0 }));
  const share = onTimeShare(report);
  const h = report.referrals.hoursToConsultation;
  const n = (v: number) => fmt.number(v);

  return (
    <div className="case-charts">
      <ReportChart
        id="chart-people"
        title={t('reports.charts.people')}
        summary={t('reports.charts.peopleSummary', { information: n(report.informationOnly), cases: n(report.casesOpened.total) })}
        bars={bars('people')}
      />
      <ReportChart
        id="chart-daca"
        title={t('reports.charts.daca')}
        summary={share === null ? t('reports.charts.dacaNone') : t('reports.charts.dacaSummary', { filed: n(report.dacaRenewalsFiled.total), onTime: n(report.dacaRenewalsFiled.onTime), share })}
        bars={bars('daca')}
      />
      <ReportChart
        id="chart-referrals"
        title={t('reports.charts.referrals')}
        summary={t('reports.charts.referralsSummary', { made: n(report.referrals.made), accepted: n(report.referrals.accepted), completed: n(report.referrals.completed) })}
        bars={bars('referrals')}
      />
      {h.n > 0 ? (
        <ReportChart
          id="chart-hours"
          title={t('reports.charts.hours')}
          summary={t('reports.charts.hoursSummary', { n: fmt.number(h.n), p50: n(h.p50 ?? 0), p90: n(h.p90 ?? 0) })}
          bars={bars('hours')}
        />
      ) : (
        <p className="muted">{t('reports.charts.hoursNone')}</p>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { CaseReport } from '../../../../contracts/cases.ts';
import { useFormat } from '../../lib/use-format.ts';
import { type Figure, figureLabel, reportFigures } from './case-report-figures.ts';

/**
 * Every figure as a table, grouped by what it measures (a row header per group): the
 * accessible version of the charts and the numbers to copy into a funder's report.
 */
export function ReportTable({ report }: { report: CaseReport }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const figures = reportFigures(report);
  const groups = [...new Set(figures.map((f) => f.group))];
  const value = (f: Figure) => (f.value === null ? t('reports.noValue') : fmt.number(f.value));

  return (
    <div className="case-report-table">
      <table className="case-report-table__table">
        <caption>{t('reports.table.caption', { from: fmt.date(report.from), to: fmt.date(report.to) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.table.measure')}</th>
            <th scope="col" className="num">
              {t('reports.table.value')}
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g}>
            <tr className="case-report-table__group">
              <th scope="colgroup" colSpan={2}>
                {t(`reports.groups.${g}`)}
              </th>
            </tr>
            {figures
              .filter((f) => f.group === g)
              .map((f) => (
                <tr key={f.key} data-testid={`figure-${f.key}`}>
                  <th scope="row" className={f.caseType ? 'case-report-table__sub' : undefined}>
                    {figureLabel(t, f)}
                  </th>
                  <td className="num">{value(f)}</td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

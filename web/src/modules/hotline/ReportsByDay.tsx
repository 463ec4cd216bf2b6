import { useTranslation } from 'react-i18next';
import type { HotlineReport } from '../../../../contracts/hotline-admin.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { byDayCsv, downloadText } from './reports-csv.ts';

type Day = HotlineReport['byDay'][number];
const CHANNELS = ['sms', 'voice', 'web'] as const;
const total = (d: Day) => d.sms + d.voice + d.web;

/**
 * Conversations by day, stacked by channel: a CSS bar chart for a glance (each channel also
 * has its own fill pattern, so colour is not the only cue), the same numbers as a table for
 * screen readers and for reading exact values, and a CSV of them.
 */
export function ReportsByDay({ report }: { report: HotlineReport }) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const days = report.byDay;
  const max = Math.max(0, ...days.map(total));
  const sum = days.reduce((n, d) => n + total(d), 0);
  const peak = days.reduce<Day | null>((best, d) => (total(d) > (best ? total(best) : 0) ? d : best), null);
  const channel = (c: (typeof CHANNELS)[number]) => t(`inbox.channels.${c}`);
  const headers = { day: t('reports.byDay.day'), sms: channel('sms'), voice: channel('voice'), web: channel('web'), total: t('reports.byDay.total') };

  const summary = peak
    ? t('reports.byDay.chartSummary', { total: fmt.number(sum), days: fmt.number(days.length), peakDay: fmt.date(peak.day), peak: fmt.number(total(peak)) })
    : t('reports.byDay.none');

  return (
    <Panel
      title={t('reports.byDay.title')}
      actions={
        <Button onClick={() => downloadText(byDayCsv(days, headers), `hotline-${report.from}-${report.to}.csv`)}>
          <span aria-hidden="true">⤓ </span>
          {t('reports.byDay.download')}
        </Button>
      }
    >
      {sum === 0 ? (
        <p className="report__note">{summary}</p>
      ) : (
        <figure className="report-chart">
          <ul className="report-chart__legend">
            {CHANNELS.map((c) => (
              <li key={c}>
                <span className={`report-swatch report-swatch--${c}`} aria-hidden="true" />
                {channel(c)}
              </li>
            ))}
          </ul>
          <div className="report-chart__plot" role="img" aria-label={summary} data-testid="by-day-chart">
            <span className="report-chart__max" aria-hidden="true">
              {fmt.number(max)}
            </span>
            <div className="report-chart__bars" style={{ gridTemplateColumns: `repeat(${days.length}, minmax(0, 1fr))` }}>
              {days.map((d) => (
                <div key={d.day} className="report-chart__col" title={`${fmt.date(d.day)}: ${fmt.number(total(d))}`}>
                  {total(d) > 0 ? (
                    <div className="report-chart__stack" style={{ height: `${(total(d) / max) * 100}%` }}>
                      {CHANNELS.map((c) => (d[c] > 0 ? <span key={c} className={`report-chart__seg report-swatch--${c}`} style={{ flexGrow: d[c] }} /> : null))}
                    </div>
                  ) : null}
                </div>
              ))}
            </div>
          </div>
          <div className="report-chart__axis" aria-hidden="true">
            <span>{days.length ? fmt.date(days[0].day) : ''}</span>
            <span>{days.length > 1 ? fmt.date(days[days.length - 1].day) : ''}</span>
          </div>
          <figcaption className="report-chart__caption">{summary}</figcaption>
        </figure>
      )}
      <details className="report-table">
        <summary>{t('reports.byDay.showTable')}</summary>
        <DataTable
          caption={t('reports.byDay.caption')}
          rowKey={(d) => d.day}
          rows={days}
          columns={[
            { key: 'day', header: headers.day, primary: true, render: (d) => <time dateTime={d.day}>{fmt.date(d.day)}</time> },
            ...CHANNELS.map((c) => ({ key: c, header: headers[c], className: 'num', render: (d: Day) => fmt.number(d[c]) })),
            { key: 'total', header: headers.total, className: 'num', render: (d) => <strong>{fmt.number(total(d))}</strong> },
          ]}
        />
      </details>
    </Panel>
  );
}

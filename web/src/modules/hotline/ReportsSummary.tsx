import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HotlineReport } from '../../../../contracts/hotline-admin.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Panel } from '../../ui/Panel.tsx';
import { useCan } from '../auth/session.ts';
import { formatResponseTime } from './reports-format.ts';
import { ReportsStat } from './ReportsStat.tsx';

/** The period in figures: conversations and first replies, calls, and (whatever the period) what waits now. */
export function ReportsSummary({ report: r }: { report: HotlineReport }) {
  const { t, i18n } = useTranslation('hotline');
  const fmt = useFormat();
  const lang = i18n.resolvedLanguage ?? 'en';
  const responds = useCan('hotline.respond');
  // No reply yet: a dash as the figure, and the words under it (a long phrase in the big type would wrap badly).
  const time = (s: number | null) => formatResponseTime(s, lang) ?? '—';
  const timeNote = (s: number | null) => (s === null ? t('reports.totals.noReplies') : undefined);

  return (
    <>
      <Panel title={t('reports.totals.title')}>
        <dl className="report-stats">
          <ReportsStat testId="stat-conversations" label={t('reports.totals.conversations')} value={fmt.number(r.conversations)} />
          <ReportsStat
            label={t('reports.totals.answered')}
            value={fmt.number(r.firstResponse.answered)}
            note={t('reports.totals.unanswered', { n: fmt.number(r.firstResponse.unanswered) })}
          />
          <ReportsStat testId="stat-p50" label={t('reports.totals.p50')} value={time(r.firstResponse.p50Seconds)} note={timeNote(r.firstResponse.p50Seconds)} />
          <ReportsStat testId="stat-p90" label={t('reports.totals.p90')} value={time(r.firstResponse.p90Seconds)} note={timeNote(r.firstResponse.p90Seconds)} />
        </dl>
        <p className="report__note">{t('reports.totals.firstResponseNote')}</p>
      </Panel>
      <Panel title={t('reports.calls.title')}>
        <dl className="report-stats">
          <ReportsStat testId="stat-calls" label={t('reports.calls.total')} value={fmt.number(r.calls.total)} />
          <ReportsStat testId="stat-calls-answered" label={t('reports.calls.answered')} value={fmt.number(r.calls.answered)} />
          <ReportsStat testId="stat-calls-voicemail" label={t('reports.calls.voicemail')} value={fmt.number(r.calls.voicemail)} />
          <ReportsStat testId="stat-calls-missed" label={t('reports.calls.missed')} value={fmt.number(r.calls.missed)} />
        </dl>
      </Panel>
      <Panel title={t('reports.outstanding.title')}>
        <p className="report__note">{t('reports.outstanding.note')}</p>
        <dl className="report-stats">
          <ReportsStat testId="stat-outstanding-callbacks" label={t('reports.outstanding.callbacks')} value={fmt.number(r.outstanding.callbacks)} />
          <ReportsStat label={t('reports.outstanding.voicemails')} value={fmt.number(r.outstanding.voicemails)} />
          <ReportsStat
            label={t('reports.outstanding.emergencies')}
            value={
              r.outstanding.emergencies ? (
                <>
                  <span aria-hidden="true">⚠ </span>
                  {fmt.number(r.outstanding.emergencies)}
                </>
              ) : (
                fmt.number(0)
              )
            }
          />
        </dl>
        {responds && r.outstanding.callbacks ? (
          <p>
            <Link to={paths.hotlineCallbacks}>{t('reports.outstanding.openQueue')}</Link>
          </p>
        ) : null}
      </Panel>
    </>
  );
}

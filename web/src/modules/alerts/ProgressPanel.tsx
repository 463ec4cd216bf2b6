import { useTranslation } from 'react-i18next';
import type { Alert as AlertT, AlertProgress } from '../../../../contracts/alerts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { durationMessage, percentDone, settled } from './progress-math.ts';
import { useAlertProgress, type ProgressFeed } from './use-alert-progress.ts';

type Counts = AlertProgress['counts'];
const COLUMNS = ['sent', 'delivered', 'failed', 'optedOut', 'pending'] as const;

/** A send as it happens: totals, a bar, time left, then by language, by state, and link clicks per language. */
export function ProgressPanel({ alert }: { alert: AlertT }) {
  const { t } = useTranslation('alerts');
  const fmt = useFormat();
  const progress = useAlertProgress(alert.id, alert.status);
  const p = progress.data;
  const countColumns = <Row extends Counts>() =>
    COLUMNS.map((k) => ({ key: k, header: t(`progress.${k}`), render: (r: Row) => <span data-testid={`count-${k}`}>{fmt.number(r[k])}</span> }));

  return (
    <Panel title={t('progress.title')} className="alert-progress">
      <FeedStatus feed={progress.feed} />
      {progress.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {progress.error ? <Alert tone="error">{t('progress.stale', { message: progress.error.message })}</Alert> : null}
      {p ? (
        <>
          <ProgressBar counts={p.counts} />
          <dl className="alert-stats" data-testid="progress-stats">
            {(['total', ...COLUMNS, 'queued'] as const).map((k) => (
              <div key={k} className="alert-stats__item" data-testid={`stat-${k}`} data-value={p.counts[k]}>
                <dt>{t(`progress.${k}`)}</dt>
                <dd>{fmt.number(p.counts[k])}</dd>
              </div>
            ))}
          </dl>
          <p data-testid="time-to-finish">
            {p.secondsToFinish === null ? t('progress.nothingLeft') : t('progress.timeLeft', { time: t(durationMessage(p.secondsToFinish).key, durationMessage(p.secondsToFinish).values) })}
            <span className="muted"> · {t('progress.updated', { at: fmt.dateTime(p.at) })}</span>
          </p>
          <h3 className="alert-progress__subtitle">{t('progress.byLanguage')}</h3>
          <DataTable
            hideCaption
            caption={t('progress.byLanguage')}
            rows={p.byLanguage}
            rowKey={(r) => r.lang}
            columns={[{ key: 'lang', header: t('preview.language'), primary: true, render: (r) => <span lang={r.lang}>{LANGUAGE_NAMES[r.lang]}</span> }, ...countColumns<(typeof p.byLanguage)[number]>()]}
          />
          <h3 className="alert-progress__subtitle">{t('progress.byState')}</h3>
          <DataTable
            hideCaption
            caption={t('progress.byState')}
            rows={p.byState}
            rowKey={(r) => r.state}
            empty={<p className="muted">{t('progress.noStates')}</p>}
            columns={[{ key: 'state', header: t('progress.state'), primary: true, render: (r) => r.state || t('progress.unknownState') }, ...countColumns<(typeof p.byState)[number]>()]}
          />
          <h3 className="alert-progress__subtitle">{t('progress.clicks')}</h3>
          <DataTable
            hideCaption
            caption={t('progress.clicks')}
            rows={p.clicks}
            rowKey={(r) => r.lang}
            empty={<p className="muted">{t('progress.noClicks')}</p>}
            columns={[
              { key: 'lang', header: t('preview.language'), primary: true, render: (r) => <span lang={r.lang}>{LANGUAGE_NAMES[r.lang]}</span> },
              { key: 'clicks', header: t('progress.clickCount'), render: (r) => fmt.number(r.clicks) },
            ]}
          />
        </>
      ) : null}
    </Panel>
  );
}

function ProgressBar({ counts }: { counts: Counts }) {
  const { t } = useTranslation('alerts');
  const fmt = useFormat();
  const pct = percentDone(counts);
  return (
    <div className="alert-bar">
      <div
        className="alert-bar__track"
        role="progressbar"
        aria-label={t('progress.bar')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={t('progress.barText', { pct, done: fmt.number(settled(counts)), total: fmt.number(counts.total) })}
      >
        <div className="alert-bar__fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="alert-bar__label">{t('progress.barText', { pct, done: fmt.number(settled(counts)), total: fmt.number(counts.total) })}</p>
    </div>
  );
}

function FeedStatus({ feed }: { feed: ProgressFeed }) {
  const { t } = useTranslation('alerts');
  return (
    <p className={`alert-feed alert-feed--${feed}`} role="status" data-testid="progress-feed" data-feed={feed}>
      <span className="alert-feed__dot" aria-hidden="true" />
      {t(`progress.feed.${feed}`)}
    </p>
  );
}

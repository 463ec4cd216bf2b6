import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Alert as AlertT } from '../../../../contracts/alerts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { alertView } from './alert-actions.ts';
import { alertPaths } from './alert-paths.ts';
import { AlertActions } from './AlertActions.tsx';
import { AlertDetailsForm } from './AlertDetailsForm.tsx';
import { useAlert } from './alerts.api.ts';
import { AlertStatusBadge } from './AlertStatusBadge.tsx';
import { AudiencePanel } from './AudiencePanel.tsx';
import { AudiencePreview } from './AudiencePreview.tsx';
import { AudienceSummary } from './AudienceSummary.tsx';
import { LanguageEditors } from './LanguageEditors.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { useAlertPreview } from './use-alert-preview.ts';
import './alerts.css';

/** Keyed by id: another alert starts with fresh editors. */
export function AlertPage() {
  const { id = '' } = useParams();
  return <AlertScreen key={id} id={id} />;
}

/**
 * One alert, in the shape its status calls for: a draft opens in the composer (texts,
 * audience, live cost); an alert under review opens read-only for the approver, the three
 * languages side by side; a send under way or done opens on its live progress.
 */
function AlertScreen({ id }: { id: string }) {
  const { t } = useTranslation('alerts');
  const query = useAlert(id);
  const back = (
    <p className="alerts-back">
      <Link to={alertPaths.list}>
        <span aria-hidden="true">← </span>
        {t('detail.back')}
      </Link>
    </p>
  );
  if (query.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (query.isError && !query.data) {
    return (
      <>
        {back}
        <PageHeading title={t('detail.unknownTitle')} />
        <Alert tone="error" actions={<Button onClick={() => void query.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {query.error.message}
        </Alert>
      </>
    );
  }
  const alert = query.data;
  const view = alertView(alert);
  return (
    <>
      {back}
      <PageHeading title={alert.title} description={<AlertHeadline alert={alert} />} />
      {query.isError ? <Alert tone="error">{query.error.message}</Alert> : null}
      {view === 'compose' ? (
        <>
          <AlertDetailsForm alert={alert} />
          <LanguageEditors alert={alert} editable />
          <AudiencePanel alert={alert} />
          <AlertActions alert={alert} />
        </>
      ) : view === 'review' ? (
        <>
          <AlertFacts alert={alert} />
          <LanguageEditors alert={alert} editable={false} />
          <Panel title={t('audience.title')}>
            <AudienceSummary alert={alert} />
            {alert.status !== 'canceled' ? <AudiencePreview alert={alert} audience={null} /> : null}
          </Panel>
          {alert.status !== 'canceled' ? <ReviewActions alert={alert} /> : <AlertActions alert={alert} />}
        </>
      ) : (
        <>
          <ProgressPanel alert={alert} />
          <AlertActions alert={alert} />
          <AlertFacts alert={alert} />
          <LanguageEditors alert={alert} editable={false} />
          <Panel title={t('audience.title')}>
            <AudienceSummary alert={alert} />
          </Panel>
        </>
      )}
    </>
  );
}

/**
 * The approver's moves. Until the send starts the alert has no recipient count of its own, so
 * the send confirmation takes the saved audience's count from the preview beside it (the same
 * query, asked once).
 */
function ReviewActions({ alert }: { alert: AlertT }) {
  const preview = useAlertPreview(alert, null);
  return <AlertActions alert={alert} recipients={preview.data?.recipients ?? null} />;
}

/** Status, kind and the parent of a correction, under the title. */
function AlertHeadline({ alert }: { alert: AlertT }) {
  const { t } = useTranslation('alerts');
  return (
    <span className="alert-headline">
      <AlertStatusBadge status={alert.status} /> {t(`topics.${alert.topic}`)}
      {alert.emergency ? <span className="alerts-emergency-mark"> · {t('list.emergency')}</span> : null}
      {alert.kind !== 'alert' ? (
        <>
          {' · '}
          {t(`kinds.${alert.kind}`)}
          {alert.parentId ? (
            <>
              {' '}
              <Link to={alertPaths.alert(alert.parentId)}>{t('detail.parent')}</Link>
            </>
          ) : null}
        </>
      ) : null}
    </span>
  );
}

function AlertFacts({ alert }: { alert: AlertT }) {
  const { t } = useTranslation('alerts');
  const fmt = useFormat();
  return (
    <Panel title={t('detail.about')}>
      {alert.emergency ? <Alert tone="warning">{t('fields.emergencyWarning')}</Alert> : null}
      <DetailList
        items={[
          { key: 'source', term: t('fields.sourceLang'), value: <span lang={alert.sourceLang}>{LANGUAGE_NAMES[alert.sourceLang]}</span> },
          { key: 'created', term: t('detail.createdBy'), value: alert.createdBy ? t('detail.byAt', { name: alert.createdBy.name, at: fmt.dateTime(alert.createdAt) }) : fmt.dateTime(alert.createdAt) },
          { key: 'approved', term: t('detail.approvedBy'), value: alert.approvedBy && alert.approvedAt ? t('detail.byAt', { name: alert.approvedBy.name, at: fmt.dateTime(alert.approvedAt) }) : '' },
          { key: 'scheduled', term: t('detail.scheduledAt'), value: alert.scheduledAt ? fmt.dateTime(alert.scheduledAt) : '' },
          { key: 'started', term: t('detail.startedAt'), value: alert.startedAt ? fmt.dateTime(alert.startedAt) : '' },
          { key: 'finished', term: t('detail.finishedAt'), value: alert.finishedAt ? fmt.dateTime(alert.finishedAt) : '' },
          { key: 'recipients', term: t('list.recipients'), value: alert.recipients === null ? '' : fmt.number(alert.recipients) },
        ]}
      />
    </Panel>
  );
}

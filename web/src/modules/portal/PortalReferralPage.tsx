import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PortalReferral } from '../../../../contracts/legal-network.ts';
import { paths } from '../../app/paths.ts';
import { isApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { languageName } from './language-name.ts';
import { PortalConflictPanel } from './PortalConflictPanel.tsx';
import { PortalConsultationForm } from './PortalConsultationForm.tsx';
import { PortalDecisionPanel } from './PortalDecisionPanel.tsx';
import { PortalDetailsPanel } from './PortalDetailsPanel.tsx';
import { PortalOutcomeForm } from './PortalOutcomeForm.tsx';
import { usePortalReferral, usePortalReferralHeader } from './portal.api.ts';
import { hasReferralDetails, referralTone } from './referral-status.ts';
import './portal.css';

/** Keyed by id: another referral starts with empty forms. */
export function PortalReferralPage() {
  const { id = '' } = useParams();
  return <PortalReferralView key={id} id={id} />;
}

/**
 * One referral, step by step: before clearance only the names and the conflict check; after
 * it the details and, as the referral moves, accept or decline, the consultation, the outcome.
 */
function PortalReferralView({ id }: { id: string }) {
  const { t } = useTranslation('portal');
  // This referral alone (not the whole list): one read, logged only in the affiliate that sent it.
  const header = usePortalReferralHeader(id);
  const r = header.data;
  const back = (
    <p className="case-back portal-back">
      <Link to={paths.portal}>
        <span aria-hidden="true">← </span>
        {t('detail.back')}
      </Link>
    </p>
  );

  if (header.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (!r) {
    return (
      <>
        {back}
        <PageHeading title={t('detail.unknownTitle')} />
        {header.isError && !(isApiError(header.error) && header.error.status === 404) ? (
          <Alert tone="error" actions={<Button onClick={() => void header.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
            {header.error.message}
          </Alert>
        ) : (
          <Alert tone="warning">{t('detail.unknown')}</Alert>
        )}
      </>
    );
  }
  const names = r.parties.map((p) => p.name).join(', ') || '—';

  return (
    <>
      {back}
      <PageHeading title={t('detail.title', { name: names, type: t(`types.${r.caseType}`, { ns: 'cases', defaultValue: r.caseType }) })} />
      <ReferralSummary r={r} />
      {r.status === 'sent' ? <PortalConflictPanel id={r.id} /> : null}
      {hasReferralDetails(r.status) ? <Cleared r={r} /> : null}
      {r.status === 'declined' || r.status === 'withdrawn' ? <Alert tone="info">{t(`closed.${r.status}`)}</Alert> : null}
    </>
  );
}

function ReferralSummary({ r }: { r: PortalReferral }) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const fmt = useFormat();
  return (
    <Panel title={t('detail.about')}>
      <DetailList
        items={[
          { key: 'status', term: t('list.status'), value: <Badge tone={referralTone(r.status)}>{t(`statuses.${r.status}`, { defaultValue: r.status })}</Badge> },
          { key: 'client', term: t('detail.client'), value: r.parties.map((p) => p.name).join(', ') },
          { key: 'affiliate', term: t('list.affiliate'), value: r.affiliate.name },
          { key: 'type', term: t('list.caseType'), value: t(`types.${r.caseType}`, { ns: 'cases', defaultValue: r.caseType }) },
          { key: 'lang', term: t('list.language'), value: languageName(r.lang, lang) },
          { key: 'sent', term: t('list.sentAt'), value: fmt.dateTime(r.sentAt) },
          ...(r.consultBy && !r.consultationAt ? [{ key: 'by', term: t('list.consultBy'), value: fmt.dateTime(r.consultBy) }] : []),
        ]}
      />
    </Panel>
  );
}

/** After the conflict check: the details (read once, audited) and the step the referral is at. */
function Cleared({ r }: { r: PortalReferral }) {
  const { t } = useTranslation('portal');
  const detail = usePortalReferral(r.id, true);
  const working = r.status === 'accepted' || r.status === 'consultation_scheduled';
  return (
    <>
      {r.status === 'conflict_cleared' ? <Alert tone="success">{t('conflict.cleared')}</Alert> : null}
      {r.status === 'accepted' ? <Alert tone="success">{t('answer.accepted')}</Alert> : null}
      {detail.isPending ? (
        <Loading label={t('status.loading', { ns: 'common' })} />
      ) : detail.isError ? (
        <Alert tone="error" actions={<Button onClick={() => void detail.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {detail.error.message}
        </Alert>
      ) : (
        <PortalDetailsPanel r={detail.data} />
      )}
      {r.status === 'conflict_cleared' ? <PortalDecisionPanel id={r.id} /> : null}
      {working ? <PortalConsultationForm id={r.id} at={r.consultationAt} /> : null}
      {working ? <PortalOutcomeForm id={r.id} /> : null}
      {r.status === 'completed' ? (
        <Alert tone="info">
          {t('closed.completed')}
          {detail.data?.outcome ? ` ${t('outcome.recorded', { outcome: t(`outcomes.${detail.data.outcome}`, { defaultValue: detail.data.outcome }) })}` : ''}
        </Alert>
      ) : null}
    </>
  );
}

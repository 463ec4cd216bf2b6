import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../contracts/cases.ts';
import type { Referral } from '../../../../contracts/legal-network.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { isLiveReferral, referralTone } from '../portal/referral-status.ts';
import '../portal/portal.css';
import { CaseReferralForm } from './CaseReferralForm.tsx';
import { referralsApi, useCaseReferrals, useReferralChange } from './referrals.api.ts';


/**
 * The case's referrals to the legal network: where each one stands, with withdraw for the
 * live ones, and (for those who may change the case) the suggested providers and Send.
 */
export function CaseReferralsPanel({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const referrals = useCaseReferrals(c.id);
  const withdraw = useReferralChange(c.id, referralsApi.withdraw);
  const [toWithdraw, setToWithdraw] = useState<Referral | null>(null);
  const [withdrawn, setWithdrawn] = useState(false);

  const known = (prefix: string, v: string | null) => (v ? t(`${prefix}.${v}`, { defaultValue: v }) : '—');

  return (
    <Panel title={t('referrals.title')} className="case-referrals">
      <p className="muted">{t('referrals.intro')}</p>
      <h3 className="referral-form__title">{t('referrals.list')}</h3>
      {referrals.isPending ? (
        <Loading label={t('status.loading', { ns: 'common' })} />
      ) : referrals.isError ? (
        <Alert tone="error" actions={<Button onClick={() => void referrals.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {referrals.error.message}
        </Alert>
      ) : referrals.data.items.length === 0 ? (
        <p className="muted">{t('referrals.empty')}</p>
      ) : (
        <ul className="case-referrals__list">
          {referrals.data.items.map((r) => (
            <li key={r.id} className="case-referral" data-testid="case-referral" data-status={r.status}>
              <div className="case-referral__text">
                <p className="case-referral__who" id={`referral-${r.id}`}>
                  <strong>{r.provider.name}</strong> <Badge tone={referralTone(r.status)}>{known('referrals.statuses', r.status)}</Badge>
                </p>
                <p className="muted">
                  {t('referrals.sentAt', { time: fmt.dateTime(r.sentAt) })}
                  {r.sentBy ? ` · ${t('referrals.sentBy', { name: r.sentBy.name })}` : null}
                </p>
                {r.consultationAt ? <p>{t('referrals.consultation', { time: fmt.dateTime(r.consultationAt) })}</p> : null}
                {!r.consultationAt && r.consultBy && isLiveReferral(r.status) ? <p>{t('referrals.consultBy', { time: fmt.dateTime(r.consultBy) })}</p> : null}
                {r.status === 'declined' ? <p>{t('referrals.declined', { reason: known('referrals.declineReasons', r.declineReason) })}</p> : null}
                {r.outcome ? <p>{t('referrals.outcome', { outcome: known('referrals.outcomes', r.outcome) })}</p> : null}
              </div>
              {canWrite && isLiveReferral(r.status) ? (
                <Button variant="quiet" aria-describedby={`referral-${r.id}`} onClick={() => setToWithdraw(r)}>
                  {t('referrals.withdraw')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {withdrawn ? <Alert tone="success">{t('referrals.withdrawn')}</Alert> : null}
      <ConfirmDialog
        subject={toWithdraw}
        title={t('referrals.withdrawTitle')}
        body={(r) => t('referrals.withdrawBody', { provider: r.provider.name })}
        confirmLabel={t('referrals.withdraw')}
        cancelLabel={t('actions.cancel', { ns: 'common' })}
        closeLabel={t('actions.close', { ns: 'common' })}
        action={(r) => withdraw.mutateAsync(r.id)}
        onDone={() => {
          setToWithdraw(null);
          setWithdrawn(true);
        }}
        onClose={() => setToWithdraw(null)}
      />
      {canWrite ? <CaseReferralForm c={c} /> : null}
    </Panel>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECLINE_REASONS } from '../../../../contracts/legal-network.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { type DeclineReason, portalApi, usePortalAnswer } from './portal.api.ts';

/** After the conflict check: take the matter, or decline it with a reason the affiliate can act on. */
export function PortalDecisionPanel({ id }: { id: string }) {
  const { t } = useTranslation('portal');
  const accept = usePortalAnswer(id, (rid: string, _input: void) => portalApi.accept(rid));
  const decline = usePortalAnswer(id, portalApi.decline);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const busy = accept.isPending || decline.isPending;

  const submitDecline = (e: FormEvent) => {
    e.preventDefault();
    if (reason) decline.mutate({ reason });
  };

  return (
    <Panel title={t('answer.title')} className="portal-decision">
      {accept.error ? <Alert tone="error">{accept.error.message}</Alert> : null}
      <div className="button-row">
        <Button variant="primary" busy={accept.isPending} disabled={busy} onClick={() => accept.mutate()}>
          {t('answer.accept')}
        </Button>
        <Button aria-expanded={declining} aria-controls={`decline-${id}`} disabled={busy} onClick={() => setDeclining((d) => !d)}>
          {t('answer.decline')}
        </Button>
      </div>
      {declining ? (
        <form id={`decline-${id}`} className="form portal-decline" onSubmit={submitDecline} noValidate aria-labelledby={`decline-${id}-title`}>
          <h3 id={`decline-${id}-title`} className="portal-subtitle">
            {t('answer.declineTitle')}
          </h3>
          <Select
            label={t('answer.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value as DeclineReason)}
            options={[{ value: '', label: t('answer.chooseReason'), disabled: true }, ...DECLINE_REASONS.map((r) => ({ value: r, label: t(`declineReasons.${r}`) }))]}
          />
          {decline.error ? <Alert tone="error">{decline.error.message}</Alert> : null}
          <div className="button-row">
            <Button type="submit" variant="danger" busy={decline.isPending} disabled={!reason || accept.isPending}>
              {t('answer.confirmDecline')}
            </Button>
          </div>
        </form>
      ) : null}
    </Panel>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert as AlertT } from '../../../../contracts/alerts.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useCan } from '../auth/session.ts';
import { alertActions, approvalBlockedKey } from './alert-actions.ts';
import { alertsApi, useAlertChange, type PlainMove } from './alerts.api.ts';
import { FollowUpButtons } from './FollowUpButtons.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';

/** Moves that cannot be taken back, or stop a send under way, ask first. */
const CONFIRM: readonly PlainMove[] = ['send', 'pause', 'resume', 'cancel'];

/**
 * The moves this alert offers this person now (contracts/alert-workflow.ts decides, the
 * server enforces). Every button is disabled while its request runs, so a double click
 * sends one request; Approve stays visible when blocked, with the reason beside it.
 */
export function AlertActions({ alert, recipients }: { alert: AlertT; recipients?: number | null }) {
  const { t } = useTranslation('alerts');
  const fmt = useFormat();
  const can = { write: useCan('alerts.write'), approve: useCan('alerts.approve') };
  const actions = alertActions(alert, can);
  const move = useAlertChange(alert.id, (m: PlainMove, expectedVersion) => alertsApi.move(alert.id, m, expectedVersion));
  const [confirming, setConfirming] = useState<PlainMove | null>(null);
  if (actions.length === 0) return null;

  const blockedKey = approvalBlockedKey(alert.approvalBlockedReason);
  const count = recipients ?? alert.recipients;
  const plain = actions.filter((a): a is PlainMove => a !== 'schedule' && a !== 'follow_up');
  const button = (m: PlainMove) => {
    const blocked = m === 'approve' && blockedKey !== null;
    const primary = m === 'submit' || m === 'approve' || m === 'send';
    return (
      <Button
        key={m}
        variant={m === 'cancel' ? 'danger' : primary ? 'primary' : 'secondary'}
        busy={move.isPending && move.variables === m}
        disabled={move.isPending || blocked}
        aria-describedby={blocked ? 'approve-blocked' : undefined}
        data-testid={`alert-${m.replace(/_/g, '-')}`}
        onClick={() => (CONFIRM.includes(m) ? setConfirming(m) : move.mutate(m))}
      >
        {t(`actions.${m}`)}
      </Button>
    );
  };

  return (
    <Panel title={t('actions.title')}>
      {blockedKey && actions.includes('approve') ? (
        <p id="approve-blocked" className="alert-blocked" data-testid="approve-blocked">
          {t(blockedKey)}
        </p>
      ) : null}
      {move.error && !confirming ? <Alert tone="error">{move.error.message}</Alert> : null}
      {plain.length > 0 ? <div className="button-row">{plain.map(button)}</div> : null}
      {actions.includes('schedule') ? <ScheduleForm alert={alert} /> : null}
      {actions.includes('follow_up') ? <FollowUpButtons alert={alert} /> : null}
      <ConfirmDialog<PlainMove>
        subject={confirming}
        title={confirming ? t(`confirm.${confirming}.title`) : ''}
        body={(m) => t(`confirm.${m}.body`, { recipients: count === null || count === undefined ? '—' : fmt.number(count), title: alert.title })}
        confirmLabel={confirming ? t(`actions.${confirming}`) : ''}
        cancelLabel={t('confirm.keep')}
        closeLabel={t('actions.close', { ns: 'common' })}
        action={(m) => move.mutateAsync(m)}
        onDone={() => setConfirming(null)}
        onClose={() => setConfirming(null)}
      />
    </Panel>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { portalApi, usePortalAnswer, usePortalConflicts } from './portal.api.ts';

/**
 * The conflict check, before any detail: the people of my other referrals who may be this
 * client, each with how strong the match is and why, each to be acknowledged before "No
 * conflict" (the server refuses otherwise). "I have a conflict" declines, after a confirm.
 */
export function PortalConflictPanel({ id }: { id: string }) {
  const { t } = useTranslation('portal');
  const fmt = useFormat();
  const check = usePortalConflicts(id, true);
  const answer = usePortalAnswer(id, portalApi.conflict);
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const [confirmConflict, setConfirmConflict] = useState<true | null>(null);

  if (check.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (check.isError) {
    return (
      <Alert tone="error" actions={<Button onClick={() => void check.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
        {check.error.message}
      </Alert>
    );
  }
  const matches = check.data.matches;
  const allAcknowledged = matches.every((m) => acknowledged.includes(m.id));
  const toggle = (matchId: string, on: boolean) => setAcknowledged((list) => (on ? [...list, matchId] : list.filter((x) => x !== matchId)));

  return (
    <Panel title={t('conflict.title')} className="portal-conflict">
      <p>{t('conflict.intro')}</p>
      {matches.length === 0 ? (
        <p className="muted" data-testid="conflict-none">
          {t('conflict.none')}
        </p>
      ) : (
        <ul className="portal-matches">
          {matches.map((m) => (
            <li key={m.id} className={`portal-match portal-match--${m.level}`} data-testid="conflict-match" data-level={m.level}>
              <p className="portal-match__who">
                <strong>{m.name}</strong> <Badge tone={m.level === 'strong' ? 'negative' : 'caution'}>{t(`conflict.levels.${m.level}`)}</Badge>
              </p>
              <p className="muted">{t('conflict.from', { affiliate: m.affiliate.name, time: fmt.dateTime(m.sentAt) })}</p>
              <ul className="portal-match__reasons">
                {m.reasons.map((r) => (
                  <li key={r}>{t(`conflict.reasons.${r}`, { defaultValue: r })}</li>
                ))}
              </ul>
              <Checkbox label={t('conflict.acknowledge', { name: m.name })} checked={acknowledged.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
            </li>
          ))}
        </ul>
      )}
      {matches.length > 0 && !allAcknowledged ? <p className="muted">{t('conflict.acknowledgeAll')}</p> : null}
      {answer.error ? <Alert tone="error">{answer.error.message}</Alert> : null}
      <div className="button-row">
        <Button variant="primary" busy={answer.isPending} disabled={!allAcknowledged} onClick={() => answer.mutate({ noConflict: true, acknowledged })}>
          {t('conflict.noConflict')}
        </Button>
        <Button variant="danger" disabled={answer.isPending} onClick={() => setConfirmConflict(true)}>
          {t('conflict.hasConflict')}
        </Button>
      </div>
      <ConfirmDialog
        subject={confirmConflict}
        title={t('conflict.hasConflictTitle')}
        body={() => t('conflict.hasConflictBody')}
        confirmLabel={t('conflict.hasConflict')}
        cancelLabel={t('actions.cancel', { ns: 'common' })}
        closeLabel={t('actions.close', { ns: 'common' })}
        action={() => answer.mutateAsync({ noConflict: false })}
        onDone={() => setConfirmConflict(null)}
        onClose={() => setConfirmConflict(null)}
      />
    </Panel>
  );
}

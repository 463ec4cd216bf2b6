import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../../../../contracts/hotline.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCan, useSession } from '../auth/session.ts';
import { transfersApi, useAffiliates, useTransferChange, useTransfers } from './transfers.api.ts';

const REASON_MAX = 200;

/**
 * Overflow to another affiliate (coordinators): pick the affiliate, say why without naming
 * anyone, confirm. While the offer is open (or taken) it shows here, with "Withdraw": the
 * conversation stays ours throughout, and every step is recorded on both sides.
 */
export function TransferOfferPanel({ conversation: c }: { conversation: ConversationDetail }) {
  const coordinator = useCan('hotline.coordinate');
  if (!coordinator) return null;
  return <OfferPanel conversation={c} />;
}

function OfferPanel({ conversation: c }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const orgId = useSession().currentOrgId;
  const transfers = useTransfers();
  const live = transfers.data?.outgoing.find((x) => x.conversationId === c.id) ?? null;
  const affiliates = useAffiliates(c.status === 'open' && !live);
  const [toOrgId, setToOrgId] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'offered' | 'withdrawn' | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const offer = useTransferChange((input: { toOrgId: string; reason?: string }) => transfersApi.offer(c.id, input));
  const withdraw = useTransferChange((id: string) => transfersApi.end(id));
  const others = (affiliates.data?.items ?? []).filter((a) => a.kind === 'affiliate' && a.id !== orgId);
  const chosen = others.find((a) => a.id === toOrgId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!toOrgId) return;
    offer.reset();
    setConfirming(true);
  };
  const closeDialog = () => {
    offer.reset();
    setConfirming(false);
  };
  const after = (what: 'offered' | 'withdrawn') => {
    setDone(what);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <Panel title={t('transfers.offer.title')} className="transfer-offer">
      <div ref={statusRef} tabIndex={-1} className="transfer-offer__status">
        {live ? (
          <>
            <p data-testid="transfer-outgoing">
              {live.status === 'taken'
                ? t('transfers.offer.taken', { org: live.toOrg.name, name: live.takenBy?.name ?? '' })
                : t('transfers.offer.open', { org: live.toOrg.name, time: fmt.dateTime(live.createdAt) })}
            </p>
            {live.reason ? <p className="muted">{t('transfers.offer.reasonShown', { reason: live.reason })}</p> : null}
          </>
        ) : (
          <p className="muted">{c.status === 'open' ? t('transfers.offer.intro') : t('transfers.offer.closed')}</p>
        )}
        {done === 'offered' && live ? <Alert tone="success">{t('transfers.offer.offered')}</Alert> : null}
        {done === 'withdrawn' && !live ? <Alert tone="success">{t('transfers.offer.withdrawn')}</Alert> : null}
      </div>
      {live ? (
        <div className="button-row">
          <Button busy={withdraw.isPending} onClick={() => withdraw.mutate(live.id, { onSuccess: () => after('withdrawn') })}>
            {t(live.status === 'taken' ? 'transfers.offer.takeBack' : 'transfers.offer.withdraw')}
          </Button>
        </div>
      ) : c.status === 'open' ? (
        <form className="form" onSubmit={submit} noValidate aria-label={t('transfers.offer.title')}>
          <Select
            label={t('transfers.offer.affiliate')}
            value={toOrgId}
            disabled={!affiliates.data}
            onChange={(e) => setToOrgId(e.target.value)}
            options={[
              { value: '', label: affiliates.isPending ? t('status.loading', { ns: 'common' }) : t('transfers.offer.choose') },
              ...others.map((a) => ({ value: a.id, label: a.statesServed.length ? `${a.name} (${a.statesServed.join(', ')})` : a.name })),
            ]}
          />
          <TextField
            label={t('transfers.offer.reason')}
            hint={t('transfers.offer.reasonHint')}
            value={reason}
            maxLength={REASON_MAX}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <Button type="submit" disabled={!toOrgId}>
              {t('transfers.offer.submit')}
            </Button>
          </div>
        </form>
      ) : null}
      {affiliates.isError ? <Alert tone="error">{affiliates.error.message}</Alert> : null}
      {transfers.isError ? <Alert tone="error">{transfers.error.message}</Alert> : null}
      {withdraw.error ? <Alert tone="error">{withdraw.error.message}</Alert> : null}
      <Dialog
        open={confirming}
        onClose={closeDialog}
        title={t('transfers.offer.confirmTitle', { org: chosen?.name ?? '' })}
        closeLabel={t('actions.close', { ns: 'common' })}
        footer={
          <>
            <Button onClick={closeDialog}>{t('actions.cancel', { ns: 'common' })}</Button>
            <Button
              variant="primary"
              busy={offer.isPending}
              onClick={() =>
                offer.mutate(
                  { toOrgId, reason: reason.trim() || undefined },
                  {
                    onSuccess: () => {
                      setConfirming(false);
                      setToOrgId('');
                      setReason('');
                      after('offered');
                    },
                  },
                )
              }
            >
              {t('transfers.offer.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('transfers.offer.confirmBody', { org: chosen?.name ?? '' })}</p>
        {reason.trim() ? <p>{t('transfers.offer.reasonShown', { reason: reason.trim() })}</p> : null}
        {offer.error ? <Alert tone="error">{offer.error.message}</Alert> : null}
      </Dialog>
    </Panel>
  );
}

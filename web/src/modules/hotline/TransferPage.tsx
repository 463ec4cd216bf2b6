import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { NoteInput, ReplyInput } from '../../../../contracts/hotline.ts';
import { paths } from '../../app/paths.ts';
import { isApiError } from '../../lib/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ConversationFacts } from './ConversationFacts.tsx';
import { ConversationNoteForm } from './ConversationNoteForm.tsx';
import { ConversationReplyForm } from './ConversationReplyForm.tsx';
import { ConversationThread } from './ConversationThread.tsx';
import { contactLabel } from './contact-label.ts';
import { StreamStatus } from './StreamStatus.tsx';
import { transferKeys, transfersApi, useGuestConversation, useTransferChange, useTransfers } from './transfers.api.ts';
import { useHotlineStream } from './use-hotline-stream.ts';
import { useTransferStream } from './use-transfer-stream.ts';
import './inbox.css';
import './transfers.css';

/** Keyed by id: another transfer starts with empty reply and note boxes. */
export function TransferPage() {
  const { id = '' } = useParams();
  return <TransferConversation key={id} id={id} />;
}

/**
 * A conversation taken from another affiliate, worked as its guest: the same thread, reply
 * box (canned responses, from that affiliate's number) and notes as at home, under a banner
 * that says whose it is. Nothing else of theirs is reachable from here; "Give back" ends it.
 */
function TransferConversation({ id }: { id: string }) {
  const { t } = useTranslation('hotline');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const stream = useHotlineStream();
  useTransferStream(id);
  const conversation = useGuestConversation(id);
  const transfers = useTransfers();
  const transfer = transfers.data?.incoming.find((x) => x.id === id) ?? null;
  const giveBack = useTransferChange((tid: string) => transfersApi.end(tid));
  const [confirming, setConfirming] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: transferKeys.guest(id) });
  const reply = async (_conversationId: string, input: ReplyInput) => {
    const result = await transfersApi.reply(id, input);
    await refresh();
    return result;
  };
  const note = async (_conversationId: string, input: NoteInput) => {
    const result = await transfersApi.note(id, input);
    await refresh();
    return result;
  };
  const back = (
    <p className="conv-back">
      <Link to={paths.hotline}>
        <span aria-hidden="true">← </span>
        {t('inbox.conversation.back')}
      </Link>
    </p>
  );

  if (conversation.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (conversation.isError && !conversation.data) {
    const gone = isApiError(conversation.error) && conversation.error.status === 404;
    return (
      <>
        {back}
        <PageHeading title={t('transfers.guest.goneTitle')} />
        <Alert
          tone={gone ? 'info' : 'error'}
          actions={gone ? null : <Button onClick={() => void conversation.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}
        >
          {gone ? t('transfers.guest.goneBody') : conversation.error.message}
        </Alert>
      </>
    );
  }
  const c = conversation.data;
  const from = transfer?.fromOrg.name ?? t('transfers.guest.otherAffiliate');

  return (
    <>
      {back}
      <PageHeading title={contactLabel(c.contact)} description={t('inbox.conversation.subtitle', { channel: t(`inbox.channels.${c.channel}`) })} />
      <Alert
        tone="warning"
        className="transfer-banner"
        title={t('transfers.guest.bannerTitle', { org: from })}
        actions={
          confirming ? (
            <>
              <Button
                variant="primary"
                busy={giveBack.isPending}
                onClick={() => giveBack.mutate(id, { onSuccess: () => void navigate(paths.hotline, { state: { transferReturned: from } }) })}
              >
                {t('transfers.guest.giveBackConfirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('actions.cancel', { ns: 'common' })}</Button>
            </>
          ) : (
            <Button onClick={() => setConfirming(true)}>{t('transfers.guest.giveBack')}</Button>
          )
        }
      >
        <p data-testid="transfer-banner">{t('transfers.guest.banner', { org: from })}</p>
        {transfer?.reason ? <p>{t('transfers.incoming.reason', { reason: transfer.reason })}</p> : null}
        {confirming ? <p>{t('transfers.guest.giveBackBody', { org: from })}</p> : null}
      </Alert>
      {giveBack.error ? <Alert tone="error">{giveBack.error.message}</Alert> : null}
      <StreamStatus state={stream} />
      {conversation.isError ? <Alert tone="error">{conversation.error.message}</Alert> : null}
      <ConversationFacts conversation={c} />
      <div className="conv-layout">
        <div className="conv-main">
          <ConversationThread conversation={c} />
          <ConversationReplyForm conversation={c} send={reply} />
        </div>
        <div className="conv-side">
          <ConversationNoteForm conversationId={c.id} send={note} />
          <div className="button-row">
            <Button onClick={() => void refresh()} busy={conversation.isFetching}>
              {t('transfers.guest.refresh')}
            </Button>
          </div>
        </div>
      </div>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { OpenCasePanel } from '../cases/OpenCasePanel.tsx';
import { ConversationAssign } from './ConversationAssign.tsx';
import { ConversationClose } from './ConversationClose.tsx';
import { ConversationFacts } from './ConversationFacts.tsx';
import { ConversationNoteForm } from './ConversationNoteForm.tsx';
import { ConversationPersonCard } from './ConversationPersonCard.tsx';
import { ConversationReplyForm } from './ConversationReplyForm.tsx';
import { ConversationThread } from './ConversationThread.tsx';
import { ConversationTriageForm } from './ConversationTriageForm.tsx';
import { contactLabel } from './contact-label.ts';
import { useConversation } from './hotline.api.ts';
import { StreamStatus } from './StreamStatus.tsx';
import { TransferOfferPanel } from './TransferOfferPanel.tsx';
import { useHotlineStream } from './use-hotline-stream.ts';
import './inbox.css';

/** Keyed by id: another conversation starts with empty reply and note boxes. */
export function ConversationPage() {
  const { id = '' } = useParams();
  return <Conversation key={id} id={id} />;
}

/**
 * One conversation, as a responder works it on a phone: facts at the top, the thread, the
 * reply box right under the newest message; then the person, assignment, triage and
 * closing. On wide screens the second half sits beside the first.
 */
function Conversation({ id }: { id: string }) {
  const { t } = useTranslation('hotline');
  const stream = useHotlineStream();
  const conversation = useConversation(id);
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
    return (
      <>
        {back}
        <PageHeading title={t('inbox.conversation.unknownTitle')} />
        <Alert tone="error" actions={<Button onClick={() => void conversation.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {conversation.error.message}
        </Alert>
      </>
    );
  }
  const c = conversation.data;

  return (
    <>
      {back}
      <PageHeading title={contactLabel(c.contact)} description={t('inbox.conversation.subtitle', { channel: t(`inbox.channels.${c.channel}`) })} />
      <StreamStatus state={stream} />
      {conversation.isError ? <Alert tone="error">{conversation.error.message}</Alert> : null}
      <ConversationFacts conversation={c} />
      <div className="conv-layout">
        <div className="conv-main">
          <ConversationThread conversation={c} />
          <ConversationReplyForm conversation={c} />
          <ConversationNoteForm conversationId={c.id} />
        </div>
        <div className="conv-side">
          <ConversationPersonCard conversation={c} />
          <ConversationAssign conversation={c} />
          <TransferOfferPanel conversation={c} />
          <ConversationTriageForm conversation={c} />
          <OpenCasePanel conversation={c} />
          <ConversationClose conversation={c} />
        </div>
      </div>
    </>
  );
}

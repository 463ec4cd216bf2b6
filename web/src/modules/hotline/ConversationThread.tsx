import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail, ThreadItem } from '../../../../contracts/hotline.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useSession } from '../auth/session.ts';
import { ConversationThreadItem } from './ConversationThreadItem.tsx';
import { useResponders } from './hotline.api.ts';

/**
 * Everything that happened, oldest first, so the newest message sits right above the reply
 * box. A message that arrives while the page is open is announced (politely) once.
 */
export function ConversationThread({ conversation: c }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('hotline');
  const names = useUserNames(c);
  const lastInbound = [...c.thread].reverse().find((i) => i.type === 'inbound')?.id ?? null;
  const firstSeen = useRef(lastInbound);
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (lastInbound && lastInbound !== firstSeen.current) {
      firstSeen.current = lastInbound;
      setAnnounce(t('inbox.thread.newMessage'));
    }
  }, [lastInbound, t]);

  return (
    <Panel title={t('inbox.thread.title')} actions={c.canReply ? <a href="#reply-body">{t('inbox.thread.toReply')}</a> : null}>
      {c.threadTruncated ? <Alert tone="info">{t('inbox.thread.truncated')}</Alert> : null}
      {c.thread.length === 0 ? (
        <p className="muted">{t('inbox.thread.empty')}</p>
      ) : (
        <ol className="thread" aria-label={t('inbox.thread.title')}>
          {c.thread.map((item) => (
            <ConversationThreadItem key={`${item.type}:${item.id}`} item={item} lang={c.lang} names={names} />
          ))}
        </ol>
      )}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </Panel>
  );
}

/**
 * Names for the user ids that events carry (assigned to whom): from the conversation
 * itself, the signed-in user, and the responder list when it is at hand.
 */
function useUserNames(c: ConversationDetail): Map<string, string> {
  const session = useSession();
  const responders = useResponders(c.thread.some((i) => i.type === 'event' && i.kind === 'assigned'));
  const names = new Map<string, string>();
  for (const r of responders.data?.items ?? []) names.set(r.userId, r.displayName);
  const add = (ref: { userId: string; name: string } | null) => {
    if (ref?.name) names.set(ref.userId, ref.name);
  };
  for (const item of c.thread as ThreadItem[]) {
    if (item.type === 'outbound' || item.type === 'note') add(item.author);
    if (item.type === 'event') add(item.actor);
  }
  add(c.assignee);
  names.set(session.user.id, session.user.displayName);
  return names;
}

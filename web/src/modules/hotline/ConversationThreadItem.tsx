import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ThreadItem } from '../../../../contracts/hotline.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';
import { useSession } from '../auth/session.ts';
import { isInFlight } from './hotline.api.ts';

const GOOD = new Set(['delivered', 'received', 'completed']);
const BAD = new Set(['failed', 'undelivered', 'canceled', 'busy', 'no-answer']);
const tone = (status: string): BadgeTone => (GOOD.has(status) ? 'positive' : BAD.has(status) ? 'negative' : 'neutral');

/** Delivery and call states are the messaging module's words (the same ones the person's history uses). */
const statusLabel = (t: TFunction, status: string) => t(`history.statuses.${status}`, { ns: 'messaging', defaultValue: status });

/**
 * One thing in the thread. Each kind has its own shape and a written label (who, what), so
 * it is told apart without colour: the member's messages on the left, ours on the right
 * with their delivery status, internal notes boxed and labelled "not sent", events as a line.
 */
export function ConversationThreadItem({ item, lang, names }: { item: ThreadItem; lang: string; names: Map<string, string> }) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const me = useSession().user.id;
  const when = <time dateTime={item.at}>{fmt.dateTime(item.at)}</time>;
  const who = (ref: { userId: string; name: string } | null) => (ref ? (ref.userId === me ? t('inbox.thread.you') : ref.name || t('inbox.thread.someone')) : null);

  switch (item.type) {
    case 'inbound':
      return (
        <li className="thread-item thread-item--inbound" data-testid="thread-inbound">
          <p className="thread-item__meta">
            {t(item.channel === 'web' ? 'inbox.thread.memberWeb' : 'inbox.thread.member')} · {when}
          </p>
          <p className="thread-item__body" lang={item.lang ?? lang}>
            {item.body}
          </p>
        </li>
      );
    case 'outbound':
      return (
        <li className="thread-item thread-item--outbound" data-testid="thread-outbound">
          <p className="thread-item__meta">
            {item.auto ? t('inbox.thread.auto') : (who(item.author) ?? t('inbox.thread.someone'))} · {t(`inbox.thread.via.${item.channel}`)} · {when}
          </p>
          <p className="thread-item__body" lang={lang}>
            {item.body}
          </p>
          <p className="thread-item__status">
            <Badge tone={tone(item.status)}>
              {isInFlight(item.status) ? <span className="thread-item__pending" aria-hidden="true" /> : null}
              {statusLabel(t, item.status)}
            </Badge>
            {item.statusReason ? <span className="muted"> {t(`history.reasons.${item.statusReason}`, { ns: 'messaging', defaultValue: item.statusReason })}</span> : null}
          </p>
        </li>
      );
    case 'call':
      return (
        <li className="thread-item thread-item--call">
          <p className="thread-item__meta">
            {t(item.direction === 'inbound' ? 'inbox.thread.callIn' : 'inbox.thread.callOut')} · {when}
          </p>
          <p>
            <Badge tone={tone(item.status)}>{statusLabel(t, item.status)}</Badge>
            {item.hasRecording ? <> {t('inbox.thread.voicemail')}</> : null}
          </p>
        </li>
      );
    case 'note':
      return (
        <li className="thread-item thread-item--note" data-testid="thread-note">
          <p className="thread-item__meta">
            <strong>{t('inbox.thread.noteLabel')}</strong> · {who(item.author) ?? t('inbox.thread.someone')} · {when}
          </p>
          <p className="thread-item__body">{item.body}</p>
        </li>
      );
    case 'event':
      return (
        <li className="thread-item thread-item--event">
          <p>
            {eventText(t, item, names, who(item.actor))} · {when}
          </p>
        </li>
      );
  }
}

type EventItem = Extract<ThreadItem, { type: 'event' }>;

function eventText(t: TFunction, e: EventItem, names: Map<string, string>, actor: string | null): string {
  const by = actor ?? t('inbox.thread.system');
  const str = (k: string) => (typeof e.data[k] === 'string' ? (e.data[k] as string) : null);
  const label = (group: string, value: string | null) => (value ? t(`inbox.${group}.${value}`, { defaultValue: value }) : '—');
  switch (e.kind) {
    case 'created':
      return t('inbox.events.created', { channel: label('channels', str('channel')) });
    case 'assigned': {
      const to = str('to');
      if (!to) return t('inbox.events.unassigned', { actor: by });
      const name = names.get(to) ?? t('inbox.thread.someone');
      if (str('via') === 'reply') return t('inbox.events.tookByReply', { name });
      if (!e.actor) return t('inbox.events.routed', { name });
      return e.actor.userId === to ? t('inbox.events.tookIt', { name }) : t('inbox.events.assigned', { name, actor: by });
    }
    case 'unrouted':
      return t('inbox.events.unrouted', { reason: t(`inbox.unroutedReasons.${str('reason') ?? 'other'}`, { defaultValue: str('reason') ?? '' }) });
    case 'triaged':
      return t('inbox.events.triaged', { actor: by });
    case 'escalated':
      return t('inbox.events.escalated', { urgency: label('urgencies', str('to')) });
    case 'emergency_alerted':
      return t('inbox.events.emergencyAlerted');
    case 'after_hours_reply':
      return t('inbox.events.afterHours');
    case 'closed':
      return t('inbox.events.closed', { actor: by, disposition: label('dispositions', str('disposition')) });
    case 'reopened':
      return t('inbox.events.reopened', { actor: by });
    case 'call':
      return t('inbox.events.call');
    case 'call_answered':
      return t('inbox.events.callAnswered', { actor: by });
    case 'voicemail':
      return t('inbox.events.voicemail');
    case 'callback_requested':
      return t('inbox.events.callbackRequested');
    case 'call_missed':
      return t('inbox.events.callMissed');
    case 'surge_ack':
      return t('inbox.events.surgeAck');
    case 'transfer_offered':
      return t('inbox.events.transferOffered', { actor: by });
    case 'transfer_taken':
      return t('inbox.events.transferTaken');
    case 'transfer_returned':
      return t('inbox.events.transferReturned');
    case 'transfer_revoked':
      return t('inbox.events.transferRevoked', { actor: by });
    default:
      return t('inbox.events.other', { kind: e.kind, actor: by });
  }
}

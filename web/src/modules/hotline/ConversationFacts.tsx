import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../../../../contracts/hotline.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { useSession } from '../auth/session.ts';
import { ChannelLabel } from './ChannelLabel.tsx';
import { formatDuration, secondsSince, useNow } from './inbox-time.ts';
import { LanguageBadge } from './LanguageBadge.tsx';
import { UrgencyBadge } from './UrgencyBadge.tsx';

/** The conversation at a glance: status, urgency, language, channel, category, tags, who has it, and the clock. */
export function ConversationFacts({ conversation: c }: { conversation: ConversationDetail }) {
  const { t, i18n } = useTranslation('hotline');
  const fmt = useFormat();
  const me = useSession().user.id;
  const now = useNow();
  const lang = i18n.resolvedLanguage ?? 'en';
  const waited = c.awaitingReply && c.waitingSince ? secondsSince(c.waitingSince, now) : null;

  return (
    <div className="conv-facts">
      <p className="conv-facts__tags">
        <Badge tone={c.status === 'open' ? 'positive' : 'neutral'}>{t(`inbox.statuses.${c.status}`)}</Badge> <UrgencyBadge urgency={c.urgency} />{' '}
        <LanguageBadge lang={c.lang} /> <ChannelLabel channel={c.channel} />{' '}
        <span>{c.category ? t(`inbox.categories.${c.category}`) : t('inbox.row.noCategory')}</span>
        {c.tags.map((tag) => (
          <span key={tag} className="conv-facts__tag">
            #{tag}
          </span>
        ))}
      </p>
      <ul className="conv-facts__list">
        <li>
          {c.assignee
            ? c.assignee.userId === me
              ? t('inbox.row.assignedToYou')
              : t('inbox.row.assignedTo', { name: c.assignee.name })
            : t('inbox.row.unassigned')}
        </li>
        <li data-testid="first-response">
          {c.firstResponseSeconds !== null
            ? t('inbox.conversation.firstResponse', { time: formatDuration(c.firstResponseSeconds, lang) })
            : t('inbox.conversation.noResponseYet', { time: formatDuration(secondsSince(c.firstInboundAt, now), lang) })}
        </li>
        {waited !== null && c.firstResponseSeconds !== null ? (
          <li className={waited >= 120 ? 'conv-facts__wait--long' : undefined}>
            {waited < 60 ? t('inbox.row.justIn') : t('inbox.row.waiting', { time: formatDuration(waited, lang) })}
          </li>
        ) : null}
        {c.emergencyAlertedAt ? (
          <li>
            <span aria-hidden="true">⚠ </span>
            {t('inbox.conversation.emergencyAlerted', { time: fmt.dateTime(c.emergencyAlertedAt) })}
          </li>
        ) : null}
        {c.status === 'closed' ? (
          <li>
            {t('inbox.conversation.closedAt', {
              time: fmt.dateTime(c.closedAt),
              disposition: c.disposition ? t(`inbox.dispositions.${c.disposition}`) : '—',
            })}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationSummary } from '../../../../contracts/hotline.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { ChannelLabel } from './ChannelLabel.tsx';
import { contactLabel } from './contact-label.ts';
import { formatDuration, secondsSince } from './inbox-time.ts';
import { LanguageBadge } from './LanguageBadge.tsx';
import { UrgencyBadge } from './UrgencyBadge.tsx';

/**
 * One conversation as a card: who, how urgent, in what language and channel, how long they
 * have waited, and who has it. The name is the link; the whole card is its touch target.
 */
export function InboxRow({ conversation: c, now, meId }: { conversation: ConversationSummary; now: number; meId: string }) {
  const { t, i18n } = useTranslation('hotline');
  const fmt = useFormat();
  const lang = i18n.resolvedLanguage ?? 'en';
  const waited = c.awaitingReply && c.waitingSince ? secondsSince(c.waitingSince, now) : null;

  return (
    <li className={`inbox-row inbox-row--${c.urgency}`} data-testid="inbox-row">
      <div className="inbox-row__top">
        <h3 className="inbox-row__name">
          <Link to={paths.hotlineConversation(c.id)}>{contactLabel(c.contact)}</Link>
        </h3>
        {waited !== null ? (
          <p className={['inbox-row__wait', waited >= 120 ? 'inbox-row__wait--long' : ''].join(' ')}>
            {waited < 60 ? t('inbox.row.justIn') : t('inbox.row.waiting', { time: formatDuration(waited, lang) })}
          </p>
        ) : (
          <p className="inbox-row__wait inbox-row__wait--quiet">
            <time dateTime={c.lastActivityAt}>{t('inbox.row.lastActivity', { time: fmt.dateTime(c.lastActivityAt) })}</time>
          </p>
        )}
      </div>
      <p className="inbox-row__tags">
        <UrgencyBadge urgency={c.urgency} /> <LanguageBadge lang={c.lang} /> <ChannelLabel channel={c.channel} />{' '}
        <span className="inbox-row__category">{c.category ? t(`inbox.categories.${c.category}`) : t('inbox.row.noCategory')}</span>
      </p>
      <p className="inbox-row__meta">
        {c.assignee
          ? c.assignee.userId === meId
            ? t('inbox.row.assignedToYou')
            : t('inbox.row.assignedTo', { name: c.assignee.name })
          : t('inbox.row.unassigned')}
        {c.status === 'closed' && c.disposition ? <> · {t('inbox.row.closedAs', { disposition: t(`inbox.dispositions.${c.disposition}`) })}</> : null}
      </p>
    </li>
  );
}

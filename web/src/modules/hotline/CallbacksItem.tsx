import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallbackTask } from '../../../../contracts/hotline-admin.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { useCan } from '../auth/session.ts';
import { CallbacksDoneForm } from './CallbacksDoneForm.tsx';
import { adminApi, useCallbackChange } from './hotline-admin.api.ts';
import { formatDuration, secondsSince } from './inbox-time.ts';
import { LanguageBadge } from './LanguageBadge.tsx';

/**
 * One person to call back, as a card: place in line, the number (a tap calls it), language,
 * why, how long they have waited, the voicemail, and who is calling. Emergency is said in
 * words and with a mark, not only by the red border.
 */
export function CallbacksItem({ task, now, meId, onDone }: { task: CallbackTask; now: number; meId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation('hotline');
  const fmt = useFormat();
  const lang = i18n.resolvedLanguage ?? 'en';
  const coordinator = useCan('hotline.coordinate');
  const claim = useCallbackChange(() => adminApi.claim(task.id));
  const mine = task.claimedBy?.userId === meId;
  const open = task.status === 'open';
  const mayFinish = open && (!task.claimedBy || mine || coordinator);
  const waited = secondsSince(task.createdAt, now);
  const phone = fmt.phone(task.phone);
  const headingId = `callback-${task.id}`;

  // After Take, the button is gone: focus the outcome (the next thing to do) instead.
  const tookHere = useRef(false);
  const outcomeRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (mine && tookHere.current) {
      tookHere.current = false;
      outcomeRef.current?.focus();
    }
  }, [mine]);

  return (
    <li className={['callback', task.emergency ? 'callback--emergency' : ''].filter(Boolean).join(' ')} data-testid="callback-item">
      <div className="callback__top">
        {task.position !== null ? <p className="callback__pos">{t('callbacks.item.position', { n: fmt.number(task.position) })}</p> : null}
        <h3 className="callback__phone" id={headingId}>
          {phone}
        </h3>
        {open ? (
          <p className={['callback__wait', waited >= 15 * 60 ? 'callback__wait--long' : ''].filter(Boolean).join(' ')}>
            {waited < 60 ? t('callbacks.item.justIn') : t('callbacks.item.waiting', { time: formatDuration(waited, lang) })}
          </p>
        ) : null}
      </div>
      <p className="callback__tags">
        {task.emergency ? (
          <Badge tone="negative">
            <span aria-hidden="true">⚠ </span>
            {t('callbacks.item.emergency')}
          </Badge>
        ) : null}{' '}
        <LanguageBadge lang={task.lang} /> <span className="callback__reason">{t(`callbacks.reasons.${task.reason}`)}</span>
      </p>
      <ul className="callback__facts">
        <li>
          {!task.claimedBy
            ? t('callbacks.item.notTaken')
            : open
              ? mine
                ? t('callbacks.item.takenByYou')
                : t('callbacks.item.takenBy', { name: task.claimedBy.name })
              : mine
                ? t('callbacks.item.doneByYou')
                : t('callbacks.item.doneBy', { name: task.claimedBy.name })}
        </li>
        {!open ? (
          <li>
            {t('callbacks.item.doneAt', {
              time: fmt.dateTime(task.doneAt),
              outcome: task.outcome ? t(`callbacks.outcomes.${task.outcome}`, { defaultValue: task.outcome }) : '—',
            })}
          </li>
        ) : (
          <li className="callback__since">{t('callbacks.item.since', { time: fmt.dateTime(task.createdAt) })}</li>
        )}
        {task.recordingUrl ? (
          <li>
            <a href={task.recordingUrl}>{t('callbacks.item.listen')}</a>
          </li>
        ) : null}
        {task.conversationId ? (
          <li>
            <Link to={paths.hotlineConversation(task.conversationId)}>{t('callbacks.item.openConversation')}</Link>
          </li>
        ) : null}
      </ul>
      {open ? (
        <div className="callback__actions">
          <a className={`btn ${mine ? 'btn--primary' : 'btn--secondary'} callback__call`} href={`tel:${task.phone}`}>
            <svg className="icon" width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
              <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1Z" />
            </svg>
            {t('callbacks.item.call', { phone })}
          </a>
          {!task.claimedBy ? (
            <Button
              variant="primary"
              aria-describedby={headingId}
              busy={claim.isPending}
              onClick={() => {
                tookHere.current = true;
                claim.mutate(undefined, { onError: () => void (tookHere.current = false) });
              }}
            >
              {t('callbacks.item.take')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {claim.error ? <Alert tone="error">{claim.error.message}</Alert> : null}
      {mayFinish && task.claimedBy ? <CallbacksDoneForm task={task} describedBy={headingId} selectRef={outcomeRef} onDone={onDone} /> : null}
      {open && task.claimedBy && !mayFinish ? <p className="callback__note">{t('callbacks.item.heldByOther', { name: task.claimedBy.name })}</p> : null}
    </li>
  );
}

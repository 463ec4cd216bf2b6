import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentedMessage } from 'sms-segments-calculator';
import type { ConversationDetail, ReplyInput, ReplyResult } from '../../../../contracts/hotline.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { LanguageName } from '../people/LanguageName.tsx';
import { ConversationCannedPicker } from './ConversationCannedPicker.tsx';
import { inboxApi, useConversationChange } from './hotline.api.ts';
import { REPLY_MAX_CHARS } from './inbox-options.ts';
import { newRequestId } from './new-request-id.ts';

/**
 * The reply box. A text goes out from the hotline number, in the priority lane; the counter
 * shows how a phone will split it (one Hangul letter makes the whole text UCS-2: 70
 * characters a segment, not 160). When a reply cannot go out (opted out, closed, nowhere
 * to send) the box is disabled and says why and what to do instead.
 */
export function ConversationReplyForm({
  conversation: c,
  send = inboxApi.reply,
}: {
  conversation: ConversationDetail;
  /** Where the reply goes (a conversation taken from another affiliate answers through its transfer). */
  send?: (id: string, input: ReplyInput) => Promise<ReplyResult>;
}) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  // One id per reply meant: a double tap or a retried request sends it once.
  const requestId = useRef(newRequestId());
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // Where the caret was when the box lost focus (to the canned-response picker).
  const caret = useRef<[number, number] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const reply = useConversationChange(c.id, send);
  const errors = splitError(reply.error, ['body']);
  useFocusFirstInvalid(formRef, reply.error);

  const bySms = Boolean(c.contact.phone);
  const chars = [...body].length;
  const segments = bySms && body ? new SegmentedMessage(body, 'auto') : null;
  const tooLong = chars > REPLY_MAX_CHARS;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim() || tooLong || reply.isPending) return;
    setSent(false);
    reply.mutate(
      { body, clientRequestId: requestId.current },
      {
        onSuccess: () => {
          setBody('');
          caret.current = null;
          setSent(true);
          requestId.current = newRequestId();
          textareaRef.current?.focus();
        },
      },
    );
  };

  /** At the caret when the box had one, else after what is written. */
  const insert = (text: string) => {
    const el = textareaRef.current;
    const [start, end] = (caret.current ?? [body.length, body.length]).map((n) => Math.min(n, body.length));
    const before = body.slice(0, start);
    const sep = before && !/\s$/.test(before) ? ' ' : '';
    const next = `${before}${sep}${text}${body.slice(end)}`;
    setBody(next);
    setSent(false);
    requestAnimationFrame(() => {
      el?.focus();
      const at = before.length + sep.length + text.length;
      el?.setSelectionRange(at, at);
      caret.current = [at, at];
    });
  };

  const counterId = 'reply-counter';
  const hintId = 'reply-hint';
  const errorId = 'reply-body-error';

  return (
    <Panel title={t('inbox.reply.title')} className="conv-reply">
      {!c.canReply ? (
        <Alert tone="warning" title={t(`inbox.reply.blocked.${c.replyBlockedBy ?? 'closed'}.title`)}>
          {t(`inbox.reply.blocked.${c.replyBlockedBy ?? 'closed'}.body`)}
        </Alert>
      ) : null}
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        {c.canReply ? <ConversationCannedPicker lang={c.lang} onInsert={insert} /> : null}
        <div className={['field', errors.fields.body || tooLong ? 'field--invalid' : ''].join(' ')}>
          <label className="field__label" htmlFor="reply-body">
            {t(bySms ? 'inbox.reply.labelSms' : 'inbox.reply.labelEmail')}
          </label>
          <p className="field__hint" id={hintId}>
            {bySms && c.hotlineNumber ? t('inbox.reply.hintSms', { number: fmt.phone(c.hotlineNumber) }) : t('inbox.reply.hintEmail')}{' '}
            {t('inbox.reply.hintLanguage')} <LanguageName lang={c.lang} />
            {!c.assignee && c.canReply ? <> {t('inbox.reply.takesIt')}</> : null}
          </p>
          {errors.fields.body ? (
            <p className="field__error" id={errorId}>
              <span aria-hidden="true">⚠ </span>
              {errors.fields.body}
            </p>
          ) : null}
          <textarea
            id="reply-body"
            ref={textareaRef}
            className="field__input"
            rows={4}
            lang={c.lang}
            value={body}
            disabled={!c.canReply}
            onSelect={(e) => {
              caret.current = [e.currentTarget.selectionStart, e.currentTarget.selectionEnd];
            }}
            onChange={(e) => {
              setBody(e.target.value);
              setSent(false);
            }}
            aria-invalid={errors.fields.body || tooLong ? true : undefined}
            aria-describedby={[hintId, errors.fields.body ? errorId : '', counterId].filter(Boolean).join(' ')}
          />
          <p className={['field__hint', 'reply-counter', tooLong ? 'reply-counter--over' : ''].join(' ')} id={counterId} aria-live="polite">
            {tooLong ? <span aria-hidden="true">⚠ </span> : null}
            {t('inbox.reply.characters', { chars: fmt.number(chars), max: fmt.number(REPLY_MAX_CHARS) })}
            {segments ? <> · {t('inbox.reply.segments', { segments: fmt.number(segments.segmentsCount), encoding: segments.getEncodingName() })}</> : null}
          </p>
        </div>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        {sent ? <Alert tone="success">{t('inbox.reply.sent')}</Alert> : null}
        <div className="button-row">
          <Button type="submit" variant="primary" busy={reply.isPending} disabled={!c.canReply || !body.trim() || tooLong}>
            {t(bySms ? 'inbox.reply.sendSms' : 'inbox.reply.sendEmail')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { Note, NoteInput } from '../../../../contracts/hotline.ts';
import { inboxApi, useConversationChange } from './hotline.api.ts';
import { NOTE_MAX_CHARS } from './inbox-options.ts';

/** A note for the team, never sent to the member (stored encrypted). */
export function ConversationNoteForm({
  conversationId,
  send = inboxApi.note,
}: {
  conversationId: string;
  /** Where the note goes (a conversation taken from another affiliate: through its transfer). */
  send?: (id: string, input: NoteInput) => Promise<Note>;
}) {
  const { t } = useTranslation('hotline');
  const [body, setBody] = useState('');
  const [added, setAdded] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const note = useConversationChange(conversationId, send);
  const errors = splitError(note.error, ['body']);
  useFocusFirstInvalid(formRef, note.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim() || note.isPending) return;
    setAdded(false);
    note.mutate(
      { body },
      {
        onSuccess: () => {
          setBody('');
          setAdded(true);
          textareaRef.current?.focus(); // the button is disabled while the box is empty
        },
      },
    );
  };

  return (
    <Panel title={t('inbox.note.title')} className="conv-note">
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <div className={['field', errors.fields.body ? 'field--invalid' : ''].join(' ')}>
          <label className="field__label" htmlFor="note-body">
            {t('inbox.note.label')}
          </label>
          <p className="field__hint" id="note-hint">
            {t('inbox.note.hint')}
          </p>
          {errors.fields.body ? (
            <p className="field__error" id="note-body-error">
              <span aria-hidden="true">⚠ </span>
              {errors.fields.body}
            </p>
          ) : null}
          <textarea
            id="note-body"
            ref={textareaRef}
            className="field__input"
            rows={3}
            maxLength={NOTE_MAX_CHARS}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setAdded(false);
            }}
            aria-invalid={errors.fields.body ? true : undefined}
            aria-describedby={['note-hint', errors.fields.body ? 'note-body-error' : ''].filter(Boolean).join(' ')}
          />
        </div>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        {added ? <Alert tone="success">{t('inbox.note.added')}</Alert> : null}
        <div className="button-row">
          <Button type="submit" busy={note.isPending} disabled={!body.trim()}>
            {t('inbox.note.add')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, NoteKind } from '../../../../contracts/cases.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useCan } from '../auth/session.ts';
import { NOTE_KINDS, NOTE_MAX_CHARS } from './case-options.ts';
import { casesApi, useCaseChange } from './cases.api.ts';

/**
 * The case's notes, oldest first, and a box for a new one. Legal advice is marked on every
 * note that is one; only roles with cases.legal_advice (attorneys, accredited
 * representatives) get to choose it (DESIGN §3 rule 6); everyone else writes information.
 */
export function CaseNotes({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const canAdvise = useCan('cases.legal_advice');
  const [kind, setKind] = useState<NoteKind>('information');
  const [body, setBody] = useState('');
  const [added, setAdded] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const note = useCaseChange(c.id, casesApi.note, (old, n) => ({ ...old, notes: [...old.notes, n] }));
  const errors = splitError(note.error, ['kind', 'body']);
  useFocusFirstInvalid(formRef, note.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    setAdded(false);
    note.mutate(
      { kind: canAdvise ? kind : 'information', body },
      {
        onSuccess: () => {
          setBody('');
          setAdded(true);
        },
      },
    );
  };

  return (
    <Panel title={t('notes.title')}>
      {c.notes.length === 0 ? (
        <p className="muted">{t('notes.empty')}</p>
      ) : (
        <ul className="case-notes">
          {c.notes.map((n) => (
            <li key={n.id} className={['case-note', n.kind === 'legal_advice' ? 'case-note--legal' : ''].filter(Boolean).join(' ')} data-testid="case-note">
              <p className="case-note__meta">
                <Badge tone={n.kind === 'legal_advice' ? 'accent' : 'neutral'}>
                  {n.kind === 'legal_advice' ? <span aria-hidden="true">⚖ </span> : null}
                  {t(`notes.kinds.${n.kind}`)}
                </Badge>{' '}
                <span className="muted">{t('notes.byline', { name: n.author?.name ?? t('timeline.system'), time: fmt.dateTime(n.at) })}</span>
              </p>
              <p className="case-note__body">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          {canAdvise ? (
            <Select
              label={t('notes.kind')}
              hint={t('notes.kindHint')}
              value={kind}
              error={errors.fields.kind}
              onChange={(e) => setKind(e.target.value as NoteKind)}
              options={NOTE_KINDS.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) }))}
            />
          ) : (
            <p className="field__hint">{t('notes.infoOnly')}</p>
          )}
          <TextAreaField
            label={t('notes.body')}
            hint={t('notes.bodyHint')}
            rows={3}
            maxLength={NOTE_MAX_CHARS}
            value={body}
            error={errors.fields.body}
            onChange={(e) => {
              setBody(e.target.value);
              setAdded(false);
            }}
          />
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          {added ? <Alert tone="success">{t('notes.added')}</Alert> : null}
          <div className="button-row">
            <Button type="submit" busy={note.isPending} disabled={!body.trim()}>
              {t('notes.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </Panel>
  );
}

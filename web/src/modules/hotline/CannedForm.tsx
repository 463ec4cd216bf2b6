import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedResponse, Category } from '../../../../contracts/hotline.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useSaveCanned } from './canned.api.ts';
import { CATEGORIES, LANGS } from './inbox-options.ts';

const FIELDS = ['title', 'category', 'bodies.ko', 'bodies.en', 'bodies.es'] as const;

/**
 * One canned response, written once per language: the inbox inserts the conversation's
 * language, so all three are required (the server refuses a missing one, naming it).
 */
export function CannedForm({ editing, onDone }: { editing: CannedResponse | null; onDone: () => void }) {
  const { t } = useTranslation('hotline');
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [category, setCategory] = useState<string>(editing?.category ?? '');
  const [bodies, setBodies] = useState<Record<(typeof LANGS)[number], string>>(editing?.bodies ?? { ko: '', en: '', es: '' });
  const save = useSaveCanned();
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { id: editing?.id ?? null, body: { title, category: (category || null) as Category | null, bodies } },
      { onSuccess: () => onDone() },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={editing ? t('canned.editTitle') : t('canned.addTitle')}>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <TextField label={t('canned.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.fields.title} maxLength={200} required />
      <Select
        label={t('canned.category')}
        value={category}
        onChange={(e) => setCategory(e.target.value)}
        options={[{ value: '', label: t('canned.anyCategory') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`inbox.categories.${c}`) }))]}
        error={errors.fields.category}
      />
      {LANGS.map((l) => (
        <TextAreaField
          key={l}
          lang={l}
          label={t(`canned.body.${l}`)}
          rows={4}
          value={bodies[l]}
          onChange={(e) => setBodies({ ...bodies, [l]: e.target.value })}
          error={errors.fields[`bodies.${l}`]}
          required
        />
      ))}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={save.isPending}>{editing ? t('canned.save') : t('canned.add')}</Button>
        {editing ? <Button type="button" variant="secondary" onClick={onDone}>{t('canned.cancel')}</Button> : null}
      </div>
    </form>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, ConversationDetail, Urgency } from '../../../../contracts/hotline.ts';
import { isApiError } from '../../lib/api.ts';
import { useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { inboxApi, useConversationChange } from './hotline.api.ts';
import { CATEGORIES, URGENCIES } from './inbox-options.ts';

const splitTags = (s: string) => [...new Set(s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean))];

/**
 * Category, urgency and tags. When the server's values change (saved here, or by someone
 * else), the form takes them over, so it never shows what is no longer true.
 */
export function ConversationTriageForm({ conversation: c }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('hotline');
  const [category, setCategory] = useState<string>(c.category ?? '');
  const [urgency, setUrgency] = useState<Urgency>(c.urgency);
  const [tags, setTags] = useState(c.tags.join(', '));
  const [saved, setSaved] = useState(false);
  const serverValues = `${c.category}|${c.urgency}|${c.tags.join(',')}`;
  const [shown, setShown] = useState(serverValues);
  if (shown !== serverValues) {
    setShown(serverValues);
    setCategory(c.category ?? '');
    setUrgency(c.urgency);
    setTags(c.tags.join(', '));
  }
  const formRef = useRef<HTMLFormElement>(null);
  const triage = useConversationChange(c.id, inboxApi.triage);
  useFocusFirstInvalid(formRef, triage.error);

  // "tags.2" is the third tag: shown at the tags field.
  const field = isApiError(triage.error) ? triage.error.field?.split('.')[0] : undefined;
  const fieldError = (name: string) => (field === name ? triage.error?.message : undefined);
  const formError = triage.error && !['category', 'urgency', 'tags'].includes(field ?? '') ? triage.error.message : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    triage.mutate({ category: (category || null) as Category | null, urgency, tags: splitTags(tags) }, { onSuccess: () => setSaved(true) });
  };

  return (
    <Panel title={t('inbox.triage.title')}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <Select
          label={t('inbox.filters.category')}
          value={category}
          error={fieldError('category')}
          onChange={(e) => setCategory(e.target.value)}
          options={[{ value: '', label: t('inbox.triage.noCategory') }, ...CATEGORIES.map((k) => ({ value: k, label: t(`inbox.categories.${k}`) }))]}
        />
        <Select
          label={t('inbox.filters.urgency')}
          hint={t('inbox.triage.urgencyHint')}
          value={urgency}
          error={fieldError('urgency')}
          onChange={(e) => setUrgency(e.target.value as Urgency)}
          options={URGENCIES.map((u) => ({ value: u, label: t(`inbox.urgencies.${u}`) }))}
        />
        <TextField label={t('inbox.triage.tags')} hint={t('inbox.triage.tagsHint')} value={tags} error={fieldError('tags')} onChange={(e) => setTags(e.target.value)} autoComplete="off" />
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {saved ? <Alert tone="success">{t('inbox.triage.saved')}</Alert> : null}
        <div className="button-row">
          <Button type="submit" busy={triage.isPending}>
            {t('inbox.triage.save')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DacaReferenceVersion } from '../../../../contracts/daca.ts';
import { isApiError } from '../../lib/api.ts';
import { useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { todayIso } from '../../lib/report-period.ts';
import { formFieldOf, formFromReference, type ReferenceField, type ReferenceForm, referenceInputFromForm } from './daca-reference-form.ts';
import { useSaveDacaReference } from './reference.api.ts';

/**
 * The network office's edit form: a new version of the reference data. Problems a person can
 * see are caught here and named beside their input; the server checks again, and its answer
 * goes beside the input it names too (or above the form).
 */
export function DacaReferenceForm({ current }: { current: DacaReferenceVersion }) {
  const { t } = useTranslation('cases');
  const [form, setForm] = useState<ReferenceForm>(() => ({ ...formFromReference(current), checkedOn: todayIso() }));
  const [local, setLocal] = useState<{ field: ReferenceField; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSaveDacaReference();
  const formRef = useRef<HTMLFormElement>(null);
  const serverField = isApiError(save.error) ? formFieldOf(save.error.field) : null;
  const errorOf = (f: ReferenceField) => (local?.field === f ? local.message : serverField === f ? save.error?.message : undefined);
  useFocusFirstInvalid(formRef, local ?? save.error);

  const set = (k: ReferenceField) => (e: { target: { value: string } }) => {
    setForm((v) => ({ ...v, [k]: e.target.value }));
    setSaved(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const result = referenceInputFromForm(form, current.version, todayIso());
    if (!result.ok) {
      setLocal({ field: result.field, message: t(`reference.problems.${result.problem}`) });
      return;
    }
    setLocal(null);
    save.mutate(result.input, { onSuccess: () => setSaved(true) });
  };
  const field = (k: ReferenceField, props: { type?: string; inputMode?: 'numeric'; hint?: string } = {}) => (
    <TextField name={k} label={t(`reference.fields.${k}`)} value={form[k]} onChange={set(k)} error={errorOf(k)} requiredText={t('required', { ns: 'common' })} required {...props} />
  );

  return (
    <form ref={formRef} className="form daca-reference__form" onSubmit={submit} noValidate aria-labelledby="daca-reference-edit">
      <h2 id="daca-reference-edit">{t('reference.editTitle')}</h2>
      <Alert tone="info">{t('reference.remindersNote')}</Alert>
      <Fieldset legend={t('reference.timing')}>
        {field('reminderDaysBefore', { hint: t('reference.reminderDaysHint') })}
        {field('opensDaysBefore', { inputMode: 'numeric' })}
        {field('closesDaysBefore', { inputMode: 'numeric' })}
        {field('uscisNoticeDaysBefore', { inputMode: 'numeric' })}
        {field('initialAfterExpiredDays', { inputMode: 'numeric', hint: t('reference.initialHint') })}
      </Fieldset>
      <Fieldset legend={t('reference.fees')}>
        {field('i821d', { inputMode: 'numeric', hint: t('reference.dollarsHint') })}
        {field('i765Paper', { inputMode: 'numeric' })}
        {field('i765Online', { inputMode: 'numeric' })}
        {field('effectiveFrom', { type: 'date' })}
      </Fieldset>
      <Fieldset legend={t('reference.checking')}>
        {field('checkedOn', { type: 'date' })}
        <TextAreaField name="sources" label={t('reference.fields.sources')} hint={t('reference.sourcesHint')} rows={3} value={form.sources} onChange={set('sources')} error={errorOf('sources')} requiredText={t('required', { ns: 'common' })} required />
        <TextAreaField name="sourceNote" label={t('reference.fields.sourceNote')} hint={t('reference.sourceNoteHint')} rows={2} value={form.sourceNote} onChange={set('sourceNote')} error={errorOf('sourceNote')} requiredText={t('required', { ns: 'common' })} required />
      </Fieldset>
      {save.error && !serverField ? <Alert tone="error">{save.error.message}</Alert> : null}
      {saved ? (
        <Alert tone="success">
          <span role="status">{t('reference.saved', { version: current.version })}</span>
        </Alert>
      ) : null}
      <Button type="submit" variant="primary" busy={save.isPending}>
        {t('reference.save')}
      </Button>
    </form>
  );
}

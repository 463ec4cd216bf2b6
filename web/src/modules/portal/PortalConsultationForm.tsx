import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { portalApi, usePortalAnswer } from './portal.api.ts';

/** A datetime-local value in the browser's own zone, for the input; and back to an instant for the server. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Schedule the consultation of an accepted referral, or move it. */
export function PortalConsultationForm({ id, at }: { id: string; at: string | null }) {
  const { t } = useTranslation('portal');
  const fmt = useFormat();
  const [value, setValue] = useState(toLocalInput(at));
  const formRef = useRef<HTMLFormElement>(null);
  const schedule = usePortalAnswer(id, portalApi.consultation);
  const errors = splitError(schedule.error, ['at']);
  useFocusFirstInvalid(formRef, schedule.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const when = new Date(value);
    if (!value || Number.isNaN(when.getTime())) return;
    schedule.mutate({ at: when.toISOString() });
  };

  return (
    <Panel title={t('consultation.title')} className="portal-consultation">
      {at ? <p data-testid="portal-consultation">{t('consultation.current', { time: fmt.dateTime(at) })}</p> : null}
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('consultation.title')}>
        <TextField type="datetime-local" label={t('consultation.at')} hint={t('consultation.atHint')} value={value} error={errors.fields.at} onChange={(e) => setValue(e.target.value)} />
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        {schedule.data?.consultationAt ? <Alert tone="success">{t('consultation.saved', { time: fmt.dateTime(schedule.data.consultationAt) })}</Alert> : null}
        <div className="button-row">
          <Button type="submit" variant="primary" busy={schedule.isPending} disabled={!value}>
            {at ? t('consultation.move') : t('consultation.save')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentedMessage } from 'sms-segments-calculator';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { useSendSms } from './simulator.api.ts';

/** The member writes a text; the counter shows segments as a phone would split it (one Hangul letter makes it UCS-2). */
export function SmsCompose({ phone, haven }: { phone: string; haven: string }) {
  const { t } = useTranslation('simulator');
  const [body, setBody] = useState('');
  const send = useSendSms(phone);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = splitError(send.error, ['body']);
  useFocusFirstInvalid(formRef, send.error);
  const segments = body ? new SegmentedMessage(body, 'auto') : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!haven || !body.trim()) return;
    send.mutate({ to: haven, body }, { onSuccess: () => setBody('') });
  };

  return (
    <form ref={formRef} className="form sim-compose" onSubmit={submit} noValidate>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className={['field', errors.fields.body ? 'field--invalid' : ''].join(' ')}>
        <label className="field__label" htmlFor="sim-sms-body">
          {t('sms.compose')}
        </label>
        {errors.fields.body ? (
          <p className="field__error" id="sim-sms-body-error">
            {errors.fields.body}
          </p>
        ) : null}
        <textarea
          id="sim-sms-body"
          className="field__input"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={errors.fields.body ? true : undefined}
          aria-describedby={['sim-sms-count', errors.fields.body ? 'sim-sms-body-error' : ''].filter(Boolean).join(' ')}
        />
        <p className="field__hint" id="sim-sms-count">
          {segments ? t('sms.segments', { segments: segments.segmentsCount, encoding: segments.getEncodingName(), chars: [...body].length }) : t('sms.segmentsNone')}
        </p>
      </div>
      <Button type="submit" variant="primary" busy={send.isPending} disabled={!haven}>
        {haven ? t('sms.send') : t('phone.pickFirst')}
      </Button>
    </form>
  );
}

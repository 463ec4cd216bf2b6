import { type FormEvent, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackDone, CallbackTask } from '../../../../contracts/hotline-admin.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { adminApi, useCallbackChange } from './hotline-admin.api.ts';

export const OUTCOMES: CallbackDone['outcome'][] = ['reached', 'voicemail_left', 'no_answer', 'wrong_number'];

/** After the call: how it went, then Done (the reports and the next shift read the outcome). */
export function CallbacksDoneForm({ task, describedBy, selectRef, onDone }: { task: CallbackTask; describedBy: string; selectRef: RefObject<HTMLSelectElement | null>; onDone: () => void }) {
  const { t } = useTranslation('hotline');
  const [outcome, setOutcome] = useState('');
  const [missing, setMissing] = useState(false);
  const done = useCallbackChange((o: CallbackDone['outcome']) => adminApi.done(task.id, { outcome: o }));
  const id = `callback-outcome-${task.id}`;
  const errorId = `${id}-error`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) {
      setMissing(true);
      selectRef.current?.focus();
      return;
    }
    done.mutate(outcome as CallbackDone['outcome'], { onSuccess: onDone });
  };

  return (
    <form className="callback__done" onSubmit={submit} noValidate>
      <div className={['field', missing ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
        <label className="field__label" htmlFor={id}>
          {t('callbacks.item.outcome')}
        </label>
        {missing ? (
          <p className="field__error" id={errorId}>
            <span aria-hidden="true">⚠ </span>
            {t('callbacks.item.outcomeMissing')}
          </p>
        ) : null}
        <select
          ref={selectRef}
          id={id}
          className="field__input field__select"
          value={outcome}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? errorId : undefined}
          onChange={(e) => {
            setOutcome(e.target.value);
            setMissing(false);
          }}
        >
          <option value="">{t('callbacks.item.chooseOutcome')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`callbacks.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" aria-describedby={describedBy} busy={done.isPending}>
        <span aria-hidden="true">✓ </span>
        {t('callbacks.item.done')}
      </Button>
      {done.error ? <Alert tone="error">{done.error.message}</Alert> : null}
    </form>
  );
}

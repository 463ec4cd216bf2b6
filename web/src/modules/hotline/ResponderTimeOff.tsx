import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeOffInput } from '../../../../contracts/hotline-shifts.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { isoToLocalInput, localDayStart, localInputToIso } from './shifts-days.ts';
import { shiftKeys, shiftsApi, useSchedule } from './shifts.api.ts';

const FIELDS = ['startsAt', 'endsAt', 'note'] as const;

/** I cannot take calls for a while: an `off` override for myself, and the ones I have coming. */
export function ResponderTimeOff({ userId }: { userId: string }) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const today = localDayStart(new Date()).getTime();
  const from = useMemo(() => new Date(today).toISOString(), [today]);
  const schedule = useSchedule(from, 30);
  const hour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  const [startsAt, setStartsAt] = useState(isoToLocalInput(hour));
  const [endsAt, setEndsAt] = useState(isoToLocalInput(new Date(hour.getTime() + 8 * 3_600_000)));
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: shiftKeys.all });
  const add = useMutation({
    mutationFn: (body: TimeOffInput) => shiftsApi.addTimeOff(body),
    onSuccess: () => {
      refresh();
      setNote('');
      setNotice(t('responders.timeOff.saved'));
    },
  });
  const remove = useMutation({ mutationFn: shiftsApi.deleteTimeOff, onSuccess: () => { refresh(); setNotice(t('responders.timeOff.removed')); } });
  const errors = splitError(add.error, FIELDS);
  useFocusFirstInvalid(formRef, add.error);
  const mine = (schedule.data?.overrides ?? []).filter((o) => o.userId === userId && o.kind === 'off');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    add.mutate({ startsAt: localInputToIso(startsAt), endsAt: localInputToIso(endsAt), note: note.trim() || null });
  };

  return (
    <div className="shifts-timeoff">
      <h3>{t('responders.timeOff.title')}</h3>
      <p>{t('responders.timeOff.intro')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
      {mine.length ? (
        <ul className="shifts-rows">
          {mine.map((o) => {
            const label = t('responders.timeOff.item', { from: fmt.dateTime(o.startsAt), to: fmt.dateTime(o.endsAt) });
            return (
              <li key={o.id} className="shifts-row">
                <span>
                  {label}
                  {o.note ? <span className="shifts-muted"> — {o.note}</span> : null}
                </span>
                <Button variant="danger" aria-label={t('responders.timeOff.removeNamed', { what: label })} busy={remove.isPending && remove.variables === o.id} onClick={() => remove.mutate(o.id)}>
                  {t('shifts.manage.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <form ref={formRef} onSubmit={submit} noValidate className="form">
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <div className="form-grid">
          <TextField label={t('shifts.override.startsAt')} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={errors.fields.startsAt} />
          <TextField label={t('shifts.override.endsAt')} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} error={errors.fields.endsAt} />
        </div>
        <TextField label={t('shifts.override.note')} hint={t('shifts.override.noteHint')} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} error={errors.fields.note} />
        <div className="button-row">
          <Button type="submit" busy={add.isPending}>
            {t('responders.timeOff.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

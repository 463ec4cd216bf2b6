import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Responder, ShiftInput, ShiftRole } from '../../../../contracts/hotline-shifts.ts';
import { localeFor } from '../../lib/format.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { timeZoneOptions } from '../organizations/time-zones.ts';
import { todayInput } from './shifts-days.ts';
import { shiftKeys, shiftsApi } from './shifts.api.ts';

const FIELDS = ['userId', 'role', 'weekdays', 'startTime', 'endTime', 'timeZone', 'startsOn', 'endsOn'] as const;
export const SHIFT_ROLES: ShiftRole[] = ['primary', 'backup', 'coordinator'];
// 2026-01-04 was a Sunday: weekday names come from Intl, in the page's language.
const weekdayName = (d: number, locale: string) => new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(new Date(2026, 0, 4 + d));

/** Coordinators: add a weekly recurring shift for a responder. */
export function ShiftsForm({ responders, defaultTimeZone, onDone }: { responders: Responder[]; defaultTimeZone: string; onDone: (msg: string) => void }) {
  const { t, i18n } = useTranslation('hotline');
  const locale = localeFor(i18n.resolvedLanguage ?? i18n.language);
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [userId, setUserId] = useState(responders[0]?.userId ?? '');
  const [role, setRole] = useState<ShiftRole>('primary');
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [startTime, setStartTime] = useState('09:00');
  const [endTime, setEndTime] = useState('17:00');
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const [startsOn, setStartsOn] = useState(todayInput());
  const [endsOn, setEndsOn] = useState('');

  const save = useMutation({
    mutationFn: (body: ShiftInput) => shiftsApi.createShift(body),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: shiftKeys.all });
      onDone(t('shifts.form.saved', { name: s.displayName }));
    },
  });
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);
  const toggleDay = (d: number, on: boolean) => setWeekdays((w) => (on ? [...w, d] : w.filter((x) => x !== d)).sort());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ userId, role, weekdays, startTime, endTime, timeZone, startsOn, endsOn: endsOn || null });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      <h3>{t('shifts.form.title')}</h3>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Select
        label={t('shifts.form.person')}
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        error={errors.fields.userId}
        options={responders.filter((r) => r.active).map((r) => ({ value: r.userId, label: r.displayName }))}
      />
      <Select label={t('shifts.form.role')} hint={t('shifts.form.roleHint')} value={role} onChange={(e) => setRole(e.target.value as ShiftRole)} error={errors.fields.role} options={SHIFT_ROLES.map((r) => ({ value: r, label: t(`shifts.roles.${r}`) }))} />
      <Fieldset legend={t('shifts.form.weekdays')} error={errors.fields.weekdays} className="shifts-weekdays">
        {[1, 2, 3, 4, 5, 6, 0].map((d) => (
          <Checkbox key={d} label={weekdayName(d, locale)} checked={weekdays.includes(d)} onChange={(e) => toggleDay(d, e.target.checked)} />
        ))}
      </Fieldset>
      <div className="form-grid">
        <TextField label={t('shifts.form.startTime')} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} error={errors.fields.startTime} />
        <TextField label={t('shifts.form.endTime')} hint={t('shifts.form.endTimeHint')} type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} error={errors.fields.endTime} />
        <TextField label={t('shifts.form.startsOn')} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={errors.fields.startsOn} />
        <TextField label={t('shifts.form.endsOn')} hint={t('shifts.form.endsOnHint')} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={errors.fields.endsOn} />
      </div>
      <Select label={t('shifts.form.timeZone')} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={errors.fields.timeZone} options={timeZoneOptions(timeZone).map((z) => ({ value: z, label: z }))} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending} disabled={!userId}>
          {t('shifts.form.submit')}
        </Button>
      </div>
    </form>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverrideInput, Responder, ShiftRole } from '../../../../contracts/hotline-shifts.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { SHIFT_ROLES } from './ShiftsForm.tsx';
import { isoToLocalInput, localInputToIso } from './shifts-days.ts';
import { shiftKeys, shiftsApi } from './shifts.api.ts';

const FIELDS = ['userId', 'kind', 'role', 'startsAt', 'endsAt', 'note'] as const;

/** Coordinators: someone covers (on) or is away (off) for a stretch of time. Times in the viewer's zone. */
export function ShiftsOverrideForm({ responders, onDone }: { responders: Responder[]; onDone: (msg: string) => void }) {
  const { t } = useTranslation('hotline');
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const hour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  const [userId, setUserId] = useState(responders[0]?.userId ?? '');
  const [kind, setKind] = useState<'on' | 'off'>('on');
  const [role, setRole] = useState<ShiftRole>('primary');
  const [startsAt, setStartsAt] = useState(isoToLocalInput(hour));
  const [endsAt, setEndsAt] = useState(isoToLocalInput(new Date(hour.getTime() + 4 * 3_600_000)));
  const [note, setNote] = useState('');

  const save = useMutation({
    mutationFn: (body: OverrideInput) => shiftsApi.createOverride(body),
    onSuccess: (o) => {
      void queryClient.invalidateQueries({ queryKey: shiftKeys.all });
      onDone(t(o.kind === 'on' ? 'shifts.override.savedOn' : 'shifts.override.savedOff', { name: o.displayName }));
    },
  });
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ userId, kind, role, startsAt: localInputToIso(startsAt), endsAt: localInputToIso(endsAt), note: note.trim() || null });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      <h3>{t('shifts.override.title')}</h3>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Select label={t('shifts.form.person')} value={userId} onChange={(e) => setUserId(e.target.value)} error={errors.fields.userId} options={responders.map((r) => ({ value: r.userId, label: r.displayName }))} />
      <Select
        label={t('shifts.override.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as 'on' | 'off')}
        error={errors.fields.kind}
        options={[
          { value: 'on', label: t('shifts.override.on') },
          { value: 'off', label: t('shifts.override.off') },
        ]}
      />
      {kind === 'on' ? (
        <Select label={t('shifts.form.role')} value={role} onChange={(e) => setRole(e.target.value as ShiftRole)} error={errors.fields.role} options={SHIFT_ROLES.map((r) => ({ value: r, label: t(`shifts.roles.${r}`) }))} />
      ) : null}
      <div className="form-grid">
        <TextField label={t('shifts.override.startsAt')} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={errors.fields.startsAt} />
        <TextField label={t('shifts.override.endsAt')} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} error={errors.fields.endsAt} />
      </div>
      <TextField label={t('shifts.override.note')} hint={t('shifts.override.noteHint')} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} error={errors.fields.note} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending} disabled={!userId}>
          {t('shifts.override.submit')}
        </Button>
      </div>
    </form>
  );
}

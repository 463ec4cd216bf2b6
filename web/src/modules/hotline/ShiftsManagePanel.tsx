import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../../../contracts/hotline-shifts.ts';
import { localeFor } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ShiftsForm } from './ShiftsForm.tsx';
import { ShiftsOverrideForm } from './ShiftsOverrideForm.tsx';
import { ShiftsRoleBadge } from './ShiftsRoleBadge.tsx';
import { localDayStart } from './shifts-days.ts';
import { shiftKeys, shiftsApi, useSchedule, useShiftResponders } from './shifts.api.ts';

type Open = 'shift' | 'override' | null;

/** Coordinators: the recurring shifts and the coming overrides, with forms to add and buttons to remove. */
export function ShiftsManagePanel() {
  const { t, i18n } = useTranslation('hotline');
  const fmt = useFormat();
  const locale = localeFor(i18n.resolvedLanguage ?? i18n.language);
  const queryClient = useQueryClient();
  const today = localDayStart(new Date()).getTime();
  const from = useMemo(() => new Date(today).toISOString(), [today]);
  const schedule = useSchedule(from, 30);
  const responders = useShiftResponders();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (x: { kind: 'shift' | 'override'; id: string; label: string }) => (x.kind === 'shift' ? shiftsApi.deleteShift(x.id) : shiftsApi.deleteOverride(x.id)).then(() => x),
    onSuccess: (x) => {
      void queryClient.invalidateQueries({ queryKey: shiftKeys.all });
      setNotice(t('shifts.manage.removed', { what: x.label }));
    },
  });
  const weekdays = (s: Shift) => s.weekdays.length === 7 ? t('shifts.manage.everyDay') : s.weekdays.map((d) => new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(new Date(2026, 0, 4 + d))).join(', ');
  const done = (msg: string) => {
    setOpen(null);
    setNotice(msg);
  };
  const people = responders.data?.items ?? [];

  return (
    <Panel
      title={t('shifts.manage.title')}
      actions={
        open ? null : (
          <div className="button-row">
            <Button onClick={() => { setNotice(null); setOpen('shift'); }} disabled={!people.length}>{t('shifts.manage.addShift')}</Button>
            <Button onClick={() => { setNotice(null); setOpen('override'); }} disabled={!people.length}>{t('shifts.manage.addOverride')}</Button>
          </div>
        )
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
      {responders.data && !people.length ? <p>{t('shifts.manage.noResponders')}</p> : null}
      {open === 'shift' && schedule.data ? <ShiftsForm responders={people} defaultTimeZone={schedule.data.timeZone} onDone={done} /> : null}
      {open === 'override' ? <ShiftsOverrideForm responders={people.filter((r) => r.active)} onDone={done} /> : null}
      {open ? (
        <div className="button-row">
          <Button onClick={() => setOpen(null)}>{t('actions.cancel', { ns: 'common' })}</Button>
        </div>
      ) : null}
      {schedule.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {schedule.error ? <Alert tone="error">{schedule.error.message}</Alert> : null}
      {schedule.data ? (
        <>
          <h3>{t('shifts.manage.recurring')}</h3>
          {schedule.data.shifts.length === 0 ? <p>{t('shifts.manage.noShifts')}</p> : null}
          <ul className="shifts-rows">
            {schedule.data.shifts.map((s) => {
              const label = t('shifts.manage.shiftLabel', { name: s.displayName, days: weekdays(s), start: s.startTime, end: s.endTime });
              return (
                <li key={s.id} className="shifts-row">
                  <span>
                    <strong>{s.displayName}</strong> <ShiftsRoleBadge role={s.role} />
                    <br />
                    {weekdays(s)} · {s.startTime}–{s.endTime} {s.endTime <= s.startTime ? t('shifts.manage.overnight') : ''} · {s.timeZone}
                    <br />
                    <span className="shifts-muted">
                      {s.endsOn ? t('shifts.manage.between', { from: fmt.date(s.startsOn), to: fmt.date(s.endsOn) }) : t('shifts.manage.since', { from: fmt.date(s.startsOn) })}
                    </span>
                  </span>
                  <Button variant="danger" aria-label={t('shifts.manage.removeNamed', { what: label })} busy={remove.isPending && remove.variables?.id === s.id} onClick={() => remove.mutate({ kind: 'shift', id: s.id, label })}>
                    {t('shifts.manage.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
          <h3>{t('shifts.manage.overrides')}</h3>
          {schedule.data.overrides.length === 0 ? <p>{t('shifts.manage.noOverrides')}</p> : null}
          <ul className="shifts-rows">
            {schedule.data.overrides.map((o) => {
              const label = t(o.kind === 'on' ? 'shifts.manage.onLabel' : 'shifts.manage.offLabel', { name: o.displayName, from: fmt.dateTime(o.startsAt), to: fmt.dateTime(o.endsAt) });
              return (
                <li key={o.id} className="shifts-row">
                  <span>
                    {label} {o.kind === 'on' ? <ShiftsRoleBadge role={o.role} /> : null}
                    {o.note ? <span className="shifts-muted"> — {o.note}</span> : null}
                  </span>
                  <Button variant="danger" aria-label={t('shifts.manage.removeNamed', { what: label })} busy={remove.isPending && remove.variables?.id === o.id} onClick={() => remove.mutate({ kind: 'override', id: o.id, label })}>
                    {t('shifts.manage.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}

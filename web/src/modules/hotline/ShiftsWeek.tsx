import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeFor } from '../../lib/format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ShiftsRoleBadge } from './ShiftsRoleBadge.tsx';
import type { OnCallInterval } from '../../../../contracts/hotline-shifts.ts';
import { intervalsByDay, localDayStart, type DayItem } from './shifts-days.ts';
import { useSchedule } from './shifts.api.ts';

const ORDER = { primary: 0, backup: 1, coordinator: 2 } as const;

/** People on call over the same stretch of a day, listed together (primary first). */
function slots<T extends DayItem<OnCallInterval>>(items: T[]) {
  const bySlot = new Map<string, T[]>();
  for (const i of items) {
    const key = `${i.fromBefore ? '' : i.item.start}|${i.intoNext ? '' : i.item.end}`;
    bySlot.set(key, [...(bySlot.get(key) ?? []), i]);
  }
  return [...bySlot].map(([key, people]) => ({ key, first: people[0]!, people: people.sort((a, b) => ORDER[a.item.role] - ORDER[b.item.role]) }));
}

/** A week of on-call time, day by day (a list, so it reads the same at 375 px and on a screen reader). */
export function ShiftsWeek() {
  const { t, i18n } = useTranslation('hotline');
  const locale = localeFor(i18n.resolvedLanguage ?? i18n.language);
  const [week, setWeek] = useState(0);
  const today = localDayStart(new Date()).getTime();
  const first = useMemo(() => localDayStart(new Date(today), week * 7), [today, week]);
  const schedule = useSchedule(first.toISOString(), 7);
  const dayFmt = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'short', day: 'numeric' });
  const timeFmt = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const days = schedule.data ? intervalsByDay(schedule.data.intervals, first, 7) : [];

  return (
    <Panel
      title={t('shifts.week.title')}
      actions={
        <div className="button-row">
          <Button onClick={() => setWeek((w) => w - 1)}>{t('shifts.week.previous')}</Button>
          <Button onClick={() => setWeek(0)} disabled={week === 0}>
            {t('shifts.week.thisWeek')}
          </Button>
          <Button onClick={() => setWeek((w) => w + 1)}>{t('shifts.week.next')}</Button>
        </div>
      }
    >
      <p className="shifts-muted">{t('shifts.week.timeZoneNote', { zone })}</p>
      {schedule.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {schedule.error ? <Alert tone="error">{schedule.error.message}</Alert> : null}
      <ol className="shifts-week" aria-label={t('shifts.week.listLabel', { date: dayFmt.format(first) })}>
        {days.map(({ day, items }) => (
          <li key={day.toISOString()} className="shifts-day">
            <h3 className="shifts-day__title">{dayFmt.format(day)}</h3>
            {items.length === 0 ? (
              <p className="shifts-day__empty">{t('shifts.week.nobody')}</p>
            ) : (
              <ul className="shifts-day__list">
                {slots(items).map(({ key, first, people }) => (
                  <li key={key} className="shifts-slot">
                    <span className="shifts-slot__time">
                      {first.fromBefore ? t('shifts.week.fromBefore') : timeFmt.format(new Date(first.item.start))}
                      {' – '}
                      {first.intoNext ? t('shifts.week.intoNext') : timeFmt.format(new Date(first.item.end))}
                    </span>
                    <ul className="shifts-slot__who">
                      {people.map(({ item }) => (
                        <li key={`${item.userId}-${item.shiftId ?? item.overrideId}`}>
                          {item.displayName} <ShiftsRoleBadge role={item.role} />
                          {item.overrideId ? <span className="shifts-muted"> {t('shifts.week.cover')}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </Panel>
  );
}

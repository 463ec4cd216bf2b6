import { describe, expect, it } from 'vitest';
import { intervalsByDay, isoToLocalInput, localDayStart, localInputToIso, sameDay, todayInput } from './shifts-days.ts';

// Built from local wall times, so the test holds in any time zone the runner is in.
const local = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi);

describe('schedule days', () => {
  it('lists each interval on every day it touches, marking overnight parts', () => {
    const first = local(2026, 1, 15);
    const night = { start: local(2026, 1, 15, 22).toISOString(), end: local(2026, 1, 16, 6).toISOString(), id: 'n' };
    const day = { start: local(2026, 1, 16, 9).toISOString(), end: local(2026, 1, 16, 17).toISOString(), id: 'd' };
    const days = intervalsByDay([day, night], first, 3);
    expect(days.map((d) => d.items.map((i) => [i.item.id, i.fromBefore, i.intoNext]))).toEqual([
      [['n', false, true]],
      [
        ['n', true, false],
        ['d', false, false],
      ],
      [],
    ]);
    expect(days[1]!.day.getTime()).toBe(local(2026, 1, 16).getTime());
  });

  it('converts input values both ways and finds local days', () => {
    const at = local(2026, 3, 8, 14, 5);
    expect(isoToLocalInput(at)).toBe('2026-03-08T14:05');
    expect(localInputToIso('2026-03-08T14:05')).toBe(at.toISOString());
    expect(localInputToIso('')).toBe('');
    expect(todayInput(at)).toBe('2026-03-08');
    expect(localDayStart(at, 1).getDate()).toBe(9);
    expect(sameDay(at, local(2026, 3, 8, 23, 59))).toBe(true);
    expect(sameDay(at, local(2026, 3, 9))).toBe(false);
  });
});

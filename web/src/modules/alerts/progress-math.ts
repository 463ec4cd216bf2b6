import type { AlertProgress } from '../../../../contracts/alerts.ts';

type Counts = AlertProgress['counts'];

/** What has left Haven's hands: everything that no longer waits (pending) or sits in the outbox (queued). */
export const settled = (c: Counts) => Math.max(0, c.total - c.pending - c.queued);

/** 0–100, whole numbers; 100 only when nothing is left (so the bar never claims done too early). */
export function percentDone(c: Counts): number {
  if (c.total <= 0) return 0;
  const done = settled(c);
  if (done >= c.total) return 100;
  return Math.min(99, Math.floor((done / c.total) * 100));
}

/** Seconds split for "1 h 5 min" / "40 s"; rounded up, so a few seconds left never shows as none. */
export function durationParts(seconds: number): { hours: number; minutes: number; seconds: number } {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return { hours: 0, minutes: 0, seconds: s };
  const minutes = Math.ceil(s / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60, seconds: 0 };
}

/** The duration's message key in the alerts namespace and its values. */
export function durationMessage(seconds: number): { key: string; values: Record<string, number> } {
  const p = durationParts(seconds);
  if (p.hours > 0) return { key: 'duration.hours', values: { hours: p.hours, minutes: p.minutes } };
  if (p.minutes > 0) return { key: 'duration.minutes', values: { minutes: p.minutes } };
  return { key: 'duration.seconds', values: { seconds: p.seconds } };
}

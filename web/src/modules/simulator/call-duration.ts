const two = (n: number) => String(n).padStart(2, '0');

/** Whole seconds from `sinceIso` to `now` (never negative: the server's clock may run ahead of the browser's). */
export const elapsedSeconds = (sinceIso: string, now: number) => Math.max(0, Math.floor((now - new Date(sinceIso).getTime()) / 1000));

/** "m:ss", or "h:mm:ss" past an hour, as a phone shows a call's length. */
export function elapsed(sinceIso: string, now: number): string {
  const s = elapsedSeconds(sinceIso, now);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/**
 * How closely the sends kept to the configured rate. A message of n segments moves the
 * sender's next slot by n / rate seconds, so between the first send and the last the
 * senders spent every segment but the last message's: rate = those segments / elapsed.
 * Also the fullest one-second window, which shows bursts an average would hide.
 */
export function pacingError(sends: { at: Date; segments: number }[], target: number) {
  const s = [...sends].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (s.length < 2) throw new Error('pacing: fewer than two sends');
  const elapsed = (s[s.length - 1].at.getTime() - s[0].at.getTime()) / 1000;
  const spent = s.slice(0, -1).reduce((n, m) => n + m.segments, 0);
  const rate = spent / elapsed;
  let fullest = 0;
  let windowSegments = 0;
  for (let lo = 0, hi = 0; hi < s.length; hi++) {
    windowSegments += s[hi].segments;
    while (s[hi].at.getTime() - s[lo].at.getTime() >= 1000) windowSegments -= s[lo++].segments;
    fullest = Math.max(fullest, windowSegments);
  }
  return { rate, elapsed, errorPct: (Math.abs(rate - target) / target) * 100, fullestSecond: fullest, messages: s.length, segments: spent + s[s.length - 1].segments };
}

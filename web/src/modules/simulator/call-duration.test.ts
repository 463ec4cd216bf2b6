import { describe, expect, it } from 'vitest';
import { elapsed, elapsedSeconds } from './call-duration.ts';

describe('call duration', () => {
  const since = '2025-06-01T12:00:00.000Z';
  const at = (s: number) => Date.parse(since) + s * 1000;
  it('shows m:ss, then h:mm:ss past an hour', () => {
    expect(elapsed(since, at(0))).toBe('0:00');
    expect(elapsed(since, at(65.9))).toBe('1:05');
    expect(elapsed(since, at(3600 + 62))).toBe('1:01:02');
  });
  it('never goes below zero when the server clock is ahead', () => {
    expect(elapsedSeconds(since, at(-3))).toBe(0);
    expect(elapsed(since, at(-3))).toBe('0:00');
  });
});

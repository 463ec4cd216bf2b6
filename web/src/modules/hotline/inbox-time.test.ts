import { describe, expect, it } from 'vitest';
import { formatDuration, secondsSince } from './inbox-time.ts';

describe('formatDuration', () => {
  it('speaks seconds, minutes, hours and days in the page language, two units at most', () => {
    expect(formatDuration(45, 'en')).toBe('45 sec');
    expect(formatDuration(4 * 60 + 59, 'en')).toBe('4 min');
    expect(formatDuration(65 * 60, 'en')).toBe('1 hr 5 min');
    expect(formatDuration(2 * 3600, 'en')).toBe('2 hr');
    expect(formatDuration(2 * 86400 + 3 * 3600 + 59, 'en')).toBe('2 days 3 hr');
    expect(formatDuration(4 * 60, 'ko')).toBe('4분');
    expect(formatDuration(65 * 60, 'ko')).toBe('1시간 5분');
    expect(formatDuration(65 * 60, 'es')).toBe('1 h 5 min');
  });

  it('never shows a negative or fractional time', () => {
    expect(formatDuration(-5, 'en')).toBe('0 sec');
    expect(formatDuration(59.9, 'en')).toBe('59 sec');
  });
});

describe('secondsSince', () => {
  it('counts whole seconds and treats a server clock slightly ahead as now', () => {
    const now = Date.parse('2026-01-01T12:04:30Z');
    expect(secondsSince('2026-01-01T12:00:00Z', now)).toBe(270);
    expect(secondsSince('2026-01-01T12:05:00Z', now)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { formatResponseTime, formatShare } from './reports-format.ts';

describe('formatResponseTime', () => {
  it('keeps seconds under an hour, two units above, in the page language', () => {
    expect(formatResponseTime(45, 'en')).toBe('45 sec');
    expect(formatResponseTime(180, 'en')).toBe('3 min');
    expect(formatResponseTime(220, 'en')).toBe('3 min 40 sec');
    expect(formatResponseTime(3900, 'en')).toBe('1 hr 5 min');
    expect(formatResponseTime(2 * 86400 + 3 * 3600, 'en')).toBe('2 days 3 hr');
    expect(formatResponseTime(220, 'ko')).toBe('3분 40초');
    expect(formatResponseTime(220, 'es')).toBe('3 min 40 s');
  });

  it('says nothing for no answer yet, and never shows a negative or fractional time', () => {
    expect(formatResponseTime(null, 'en')).toBeNull();
    expect(formatResponseTime(-4, 'en')).toBe('0 sec');
    expect(formatResponseTime(59.6, 'en')).toBe('1 min');
  });
});

describe('formatShare', () => {
  it('is a whole percent, and 0% of nothing', () => {
    expect(formatShare(1, 3, 'en')).toBe('33%');
    expect(formatShare(0, 0, 'en')).toBe('0%');
    expect(formatShare(2, 3, 'es')).toMatch(/^67\s?%$/);
  });
});

import { describe, expect, it } from 'vitest';
import { canMove, TYPE_FROM_CATEGORY } from './case-status.ts';

describe('case status transitions', () => {
  it('follows the table, closes from anywhere and reopens to in_progress', () => {
    expect(canMove('daca_renewal', 'open', 'screening')).toBe(true);
    expect(canMove('daca_renewal', 'in_progress', 'filed')).toBe(true);
    expect(canMove('daca_renewal', 'open', 'filed')).toBe(false);
    for (const from of ['open', 'screening', 'in_progress', 'referred', 'filed'] as const) expect(canMove('tps', from, 'closed'), from).toBe(true);
    expect(canMove('tps', 'closed', 'in_progress')).toBe(true);
    expect(canMove('tps', 'closed', 'open')).toBe(false);
  });

  it('files only what files something: public benefits and other never reach "filed"', () => {
    expect(canMove('public_benefits', 'in_progress', 'filed')).toBe(false);
    expect(canMove('other', 'referred', 'filed')).toBe(false);
    expect(canMove('naturalization', 'referred', 'filed')).toBe(true);
  });

  it('maps every hotline category to a case type', () => {
    expect(TYPE_FROM_CATEGORY.daca_first).toBe('daca_initial');
    expect(TYPE_FROM_CATEGORY.enforcement).toBe('detention');
  });
});

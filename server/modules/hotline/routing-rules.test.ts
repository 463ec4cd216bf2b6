import { describe, expect, it } from 'vitest';
import { chooseResponder, mergeOnCall, type RoutingCandidate } from './routing-rules.ts';

const c = (userId: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  userId, role: 'primary', languages: ['ko', 'en'], maxOpen: 5, open: 0, lastAssignedAt: null, ...over,
});

describe('chooseResponder', () => {
  it('says why nobody got it', () => {
    expect(chooseResponder([], 'ko')).toEqual({ kind: 'unassigned', reason: 'nobody_on_call' });
    expect(chooseResponder([c('a', { languages: ['en'] })], 'ko')).toEqual({ kind: 'unassigned', reason: 'no_language_match' });
    expect(chooseResponder([c('a', { open: 5 })], 'ko')).toEqual({ kind: 'unassigned', reason: 'all_at_capacity' });
    // the coordinator works the queue: never routed to automatically
    expect(chooseResponder([c('a', { role: 'coordinator' })], 'ko')).toEqual({ kind: 'unassigned', reason: 'no_language_match' });
  });

  it('picks a speaker of the language with the fewest open conversations, primaries first', () => {
    expect(chooseResponder([c('a', { open: 3 }), c('b', { open: 1 }), c('x', { languages: ['es'], open: 0 })], 'ko')).toMatchObject({ userId: 'b' });
    expect(chooseResponder([c('a', { open: 3 }), c('b', { role: 'backup', open: 0 })], 'ko')).toMatchObject({ userId: 'a', role: 'primary' });
    expect(chooseResponder([c('a', { open: 5 }), c('b', { role: 'backup', open: 0 })], 'ko')).toMatchObject({ userId: 'b', role: 'backup' });
  });

  it('respects each responder’s limit and takes turns between equals', () => {
    expect(chooseResponder([c('a', { open: 1, maxOpen: 1 }), c('b', { open: 4, maxOpen: 8 })], 'en')).toMatchObject({ userId: 'b' });
    const early = new Date('2026-01-01T10:00:00Z');
    const late = new Date('2026-01-01T10:05:00Z');
    expect(chooseResponder([c('a', { open: 1, lastAssignedAt: late }), c('b', { open: 1, lastAssignedAt: early })], 'en')).toMatchObject({ userId: 'b' });
  });
});

describe('mergeOnCall', () => {
  it('keeps one row per person with the best role and every language', () => {
    const rows = mergeOnCall([
      { userId: 'a', role: 'backup' as const, languages: ['en'], maxOpen: 3 },
      { userId: 'a', role: 'primary' as const, languages: ['ko'], maxOpen: 5 },
      { userId: 'b', role: 'coordinator' as const, languages: ['es'], maxOpen: 8 },
    ]);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.userId === 'a')).toMatchObject({ role: 'primary', maxOpen: 5 });
    expect(new Set(rows.find((r) => r.userId === 'a')!.languages)).toEqual(new Set(['en', 'ko']));
  });
});

import { describe, expect, it } from 'vitest';
import type { AlertStatus } from '../../../../contracts/alerts.ts';
import { alertActions, alertView, approvalBlockedKey, reviewActions } from './alert-actions.ts';
import en from '../../../locales/en/alerts.json';
import es from '../../../locales/es/alerts.json';
import ko from '../../../locales/ko/alerts.json';

const writer = { write: true, approve: false };
const approver = { write: true, approve: true };
const onlyApprover = { write: false, approve: true };
const alert = (status: AlertStatus, startedAt: string | null = null, kind: 'alert' | 'correction' | 'retraction' = 'alert') => ({ status, startedAt, kind });

describe('what an alert offers', () => {
  it('offers a writer submit in draft, return to draft in review, and nothing that sends', () => {
    expect(alertActions(alert('draft'), writer)).toEqual(['submit']);
    expect(alertActions(alert('in_review'), writer)).toEqual(['return_to_draft']);
    expect(alertActions(alert('approved'), writer)).toEqual(['return_to_draft']);
    expect(alertActions(alert('scheduled'), writer)).toEqual([]);
    expect(alertActions(alert('sending', '2026-01-01T00:00:00Z'), writer)).toEqual([]);
    expect(alertActions(alert('paused', '2026-01-01T00:00:00Z'), writer)).toEqual([]);
  });

  it('offers an approver approve, send, schedule, pause, resume and cancel where the workflow allows', () => {
    expect(alertActions(alert('draft'), approver)).toEqual(['submit', 'cancel']);
    expect(alertActions(alert('in_review'), approver)).toEqual(['approve', 'return_to_draft', 'cancel']);
    expect(alertActions(alert('approved'), approver)).toEqual(['send', 'schedule', 'return_to_draft', 'cancel']);
    expect(alertActions(alert('scheduled'), approver)).toEqual(['schedule', 'pause', 'cancel']);
    expect(alertActions(alert('sending', 'x'), approver)).toEqual(['pause', 'cancel']);
    expect(alertActions(alert('paused', 'x'), approver)).toEqual(['resume', 'cancel']);
    expect(alertActions(alert('in_review'), onlyApprover)).toEqual(['approve', 'cancel']);
  });

  it('offers a correction or retraction only after something was sent, and never after a retraction', () => {
    expect(alertActions(alert('sent', 'x'), writer)).toEqual(['follow_up']);
    expect(alertActions(alert('sent', 'x'), onlyApprover)).toEqual([]);
    expect(alertActions(alert('canceled', 'x'), approver)).toEqual(['follow_up']);
    expect(alertActions(alert('canceled'), approver)).toEqual([]);
    expect(alertActions(alert('sent', 'x', 'correction'), writer)).toEqual(['follow_up']);
    expect(alertActions(alert('sent', 'x', 'retraction'), writer)).toEqual([]);
  });

  it('opens drafts in the composer, sends in progress, the rest read-only', () => {
    expect(alertView(alert('draft'))).toBe('compose');
    expect(alertView(alert('in_review'))).toBe('review');
    expect(alertView(alert('approved'))).toBe('review');
    expect(alertView(alert('scheduled'))).toBe('review');
    expect(alertView(alert('sending', 'x'))).toBe('progress');
    expect(alertView(alert('paused', 'x'))).toBe('progress');
    expect(alertView(alert('sent', 'x'))).toBe('progress');
    expect(alertView(alert('canceled'))).toBe('review');
    expect(alertView(alert('canceled', 'x'))).toBe('progress');
  });
});

describe('translation review buttons', () => {
  it('lets a writer ask for review and an approver approve, only while the text can still change hands', () => {
    expect(reviewActions('draft', { status: 'draft' }, writer, true)).toEqual(['needs_review']);
    expect(reviewActions('draft', { status: 'needs_review' }, writer, true)).toEqual([]);
    expect(reviewActions('draft', { status: 'draft' }, approver, true)).toEqual(['needs_review', 'approved']);
    expect(reviewActions('in_review', { status: 'needs_review' }, approver, true)).toEqual(['approved']);
    expect(reviewActions('in_review', { status: 'approved' }, approver, true)).toEqual([]);
    expect(reviewActions('approved', { status: 'needs_review' }, approver, true)).toEqual([]);
    expect(reviewActions('draft', { status: 'draft' }, approver, false)).toEqual([]);
  });
});

describe('why Approve is disabled', () => {
  it('maps every reason to a message that exists in ko, en and es', () => {
    expect(approvalBlockedKey(null)).toBeNull();
    for (const reason of ['two_person_rule', 'translations_not_approved', 'not_in_review'] as const) {
      const key = approvalBlockedKey(reason);
      expect(key).toBe(`approval.blocked.${reason}`);
      for (const strings of [en, ko, es]) {
        const msg = key!.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], strings);
        expect(typeof msg, `${reason}`).toBe('string');
      }
    }
  });
});

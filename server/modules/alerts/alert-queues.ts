import type { QueueSpec } from '../../platform/jobs/jobs.ts';

/**
 * fan-out: write an alert's deliveries (one INSERT … SELECT), queued in the transaction that
 * starts the send. hand-over: move pending deliveries into the messaging outbox in chunks,
 * keeping only a bounded window queued there (so pacing decides the speed and a pause or
 * cancel has little to take back); it re-queues itself until nothing is pending, then checks
 * until the outbox has sent the last one and marks the alert sent.
 */
export const FAN_OUT_QUEUE = 'alerts.fan-out';
export const HAND_OVER_QUEUE = 'alerts.hand-over';

export const ALERT_QUEUES: QueueSpec[] = [
  { name: FAN_OUT_QUEUE, expireInSeconds: 300, retryLimit: 20, retryDelay: 5, retryBackoff: true },
  { name: HAND_OVER_QUEUE, expireInSeconds: 300, retryLimit: 100, retryDelay: 2, retryBackoff: true },
];

export interface AlertJob {
  alertId: string;
  /** hand-over: where the previous step stopped (hand-over.ts HandOverCursor). */
  cursor?: number | null;
}

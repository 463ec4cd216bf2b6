import type { QueueSpec } from '../../platform/jobs/jobs.ts';

/**
 * The hotline's own job queue: one delayed job per conversation that becomes an emergency,
 * due when the alert would be owed (hotline_settings.emergency_alert_seconds later). Kept in
 * a file of its own so server/deps.ts can create the queue at start without importing the module.
 */
export const EMERGENCY_ALERT_QUEUE = 'hotline.emergency-alert';

export interface EmergencyAlertJob {
  orgId: string;
  conversationId: string;
}

export const HOTLINE_QUEUES: QueueSpec[] = [{ name: EMERGENCY_ALERT_QUEUE, expireInSeconds: 60, retryLimit: 20, retryDelay: 2, retryBackoff: true }];

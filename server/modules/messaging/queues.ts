import type { Config } from '../../config.ts';
import type { QueueSpec } from '../../platform/jobs/jobs.ts';

/**
 * Two lanes for sends: hotline and consent replies never wait behind a bulk send. Each job
 * is a batch of outbox ids of one org; retries resume a batch that failed or whose worker died.
 */
export const SEND_QUEUE = 'messaging.send';
export const PRIORITY_SEND_QUEUE = 'messaging.send-priority';

export const MESSAGING_QUEUES = (config: Pick<Config, 'MESSAGING_SEND_TIMEOUT_SECONDS'>): QueueSpec[] => [
  { name: SEND_QUEUE, expireInSeconds: config.MESSAGING_SEND_TIMEOUT_SECONDS, retryLimit: 50, retryDelay: 5, retryBackoff: true },
  { name: PRIORITY_SEND_QUEUE, expireInSeconds: config.MESSAGING_SEND_TIMEOUT_SECONDS, retryLimit: 50, retryDelay: 2, retryBackoff: true },
];

export interface SendJob {
  orgId: string;
  ids: string[];
}

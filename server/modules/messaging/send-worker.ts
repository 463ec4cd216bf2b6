import type { Deps } from '../../platform/context.ts';
import { PRIORITY_SEND_QUEUE, SEND_QUEUE, type SendJob } from './queues.ts';
import { sendBatch } from './send-batch.ts';

/**
 * The worker's send loops. The priority lane has its own pollers, so a hotline reply is
 * picked up while bulk batches are in flight. A batch stops starting new sends at half its
 * job's expiry, so it never races the retry the queue would start after expiry.
 */
export async function startSendWorkers(deps: Deps, opts: { /** The clock quiet hours are judged by (a benchmark runs at noon whatever the hour). */ now?: () => Date } = {}) {
  const handle = async (jobs: { id: string; data: SendJob }[]) => {
    const deadline = Date.now() + (deps.config.MESSAGING_SEND_TIMEOUT_SECONDS * 1000) / 2;
    for (const job of jobs) await sendBatch(deps, job.data, { deadline, now: opts.now });
  };
  await deps.jobs.work<SendJob>(PRIORITY_SEND_QUEUE, { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 0.5 }, handle);
  // Bulk: two jobs per fetch, and while fetches come back full the next fetch follows at once
  // (pg-boss burst mode) instead of after the polling interval, so a big send keeps every loop busy.
  await deps.jobs.work<SendJob>(SEND_QUEUE, { batchSize: 2, burstWhenBatchFull: true, localConcurrency: 4, pollingIntervalSeconds: 0.5 }, handle);
}

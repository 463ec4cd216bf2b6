import type { Deps } from './platform/context.ts';
import { purgeExpiredSessions } from './modules/auth/index.ts';
import { startSendWorkers } from './modules/messaging/index.ts';
import { startHotlineWorkers } from './modules/hotline/index.ts';
import { startShiftReminders } from './modules/hotline/shift-reminders.ts';
import { purgeExpiredConversations } from './modules/hotline/retention.ts';

/**
 * The worker role: drains the outbox (pg-boss send jobs), takes texts into hotline
 * conversations, alerts coordinators of unanswered emergencies, and sweeps expired sessions.
 * Returns a stop function.
 */
export async function startWorker(deps: Deps): Promise<() => Promise<void>> {
  const sweep = async () => {
    try {
      const n = await purgeExpiredSessions(deps.database.db);
      if (n) deps.log.info({ sessions: n }, 'expired sessions removed');
    } catch (err) {
      deps.log.error({ err }, 'session sweep failed');
    }
  };
  // Closed hotline conversations past their affiliate's retention period (hotline/retention.ts).
  const purge = async () => {
    try {
      const { purged } = await purgeExpiredConversations(deps);
      if (purged) deps.log.info({ conversations: purged }, 'closed conversations past retention purged');
    } catch (err) {
      deps.log.error({ err }, 'retention purge failed');
    }
  };
  const purgeTimer = setInterval(purge, 60 * 60_000);
  purgeTimer.unref();
  void purge();
  const timer = setInterval(sweep, 5 * 60_000);
  timer.unref();
  void sweep();
  await startSendWorkers(deps);
  // Texts into hotline conversations (handed over by messaging's webhook), emergency alerts.
  await startHotlineWorkers(deps);
  // Texts responders ~30 minutes before their shifts start.
  const stopReminders = startShiftReminders(deps);
  return async () => {
    clearInterval(timer);
    clearInterval(purgeTimer);
    stopReminders();
    await deps.jobs.stop();
  };
}

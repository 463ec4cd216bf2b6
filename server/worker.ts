import type { Deps } from './platform/context.ts';
import { purgeExpiredSessions } from './modules/auth/index.ts';
import { startSendWorkers } from './modules/messaging/index.ts';
import { startHotlineWorkers } from './modules/hotline/index.ts';
import { startShiftReminders } from './modules/hotline/shift-reminders.ts';
import { purgeExpiredConversations } from './modules/hotline/retention.ts';
import { rerouteWaiting } from './modules/hotline/reroute.ts';

/**
 * The worker role: drains the outbox (pg-boss send jobs), takes texts into hotline
 * conversations, puts calls nobody took in the callback queue, alerts coordinators of
 * unanswered emergencies, and sweeps expired sessions. Returns a stop function.
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
  // Conversations nobody could take when they came in go to whoever is on call now (hotline/reroute.ts).
  const reroute = async () => {
    try {
      const { assigned } = await rerouteWaiting(deps);
      if (assigned) deps.log.info({ conversations: assigned }, 'waiting conversations routed');
    } catch (err) {
      deps.log.error({ err }, 'rerouting waiting conversations failed');
    }
  };
  const rerouteTimer = setInterval(reroute, 60_000);
  rerouteTimer.unref();
  const purgeTimer = setInterval(purge, 60 * 60_000);
  purgeTimer.unref();
  void purge();
  const timer = setInterval(sweep, 5 * 60_000);
  timer.unref();
  void sweep();
  await startSendWorkers(deps);
  // Texts into hotline conversations and ended calls (handed over by messaging's webhooks), emergency alerts.
  await startHotlineWorkers(deps);
  // Texts responders ~30 minutes before their shifts start.
  const stopReminders = startShiftReminders(deps);
  return async () => {
    clearInterval(timer);
    clearInterval(purgeTimer);
    clearInterval(rerouteTimer);
    stopReminders();
    await deps.jobs.stop();
  };
}

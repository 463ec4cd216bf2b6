import type { Deps } from './platform/context.ts';
import { purgeExpiredSessions } from './modules/auth/index.ts';
import { startSendWorkers } from './modules/messaging/index.ts';
import { startHotlineWorkers } from './modules/hotline/index.ts';
import { startShiftReminders } from './modules/hotline/shift-reminders.ts';
import { purgeExpiredConversations } from './modules/hotline/retention.ts';
import { rerouteWaiting } from './modules/hotline/reroute.ts';
import { startReferralWorkers } from './modules/legal-network/index.ts';
import { purgeExpiredCases } from './modules/cases/case-retention.ts';
import { startDacaReminders } from './modules/cases/daca-reminders.ts';
import { startAlertWorkers, startConsentKeywordWorker } from './modules/alerts/index.ts';

/**
 * The worker role: drains the outbox (pg-boss send jobs), takes texts into hotline
 * conversations, puts calls nobody took in the callback queue, alerts coordinators of
 * unanswered emergencies, sends DACA renewal reminders, redacts closed cases past
 * retention, and sweeps expired sessions. Returns a stop function.
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
  // Closed cases past their affiliate's retention period are redacted (cases/case-retention.ts).
  const purgeCases = async () => {
    try {
      const { redacted } = await purgeExpiredCases(deps);
      if (redacted) deps.log.info({ cases: redacted }, 'closed cases past retention redacted');
    } catch (err) {
      deps.log.error({ err }, 'case retention purge failed');
    }
  };
  const casePurgeTimer = setInterval(purgeCases, 60 * 60_000);
  casePurgeTimer.unref();
  void purgeCases();
  const timer = setInterval(sweep, 5 * 60_000);
  timer.unref();
  void sweep();
  await startSendWorkers(deps);
  // Texts into hotline conversations and ended calls (handed over by messaging's webhooks), emergency alerts.
  await startHotlineWorkers(deps);
  // A YES to an alert sign-up's confirmation text records the sign-up's consent (alerts/consent-keyword.ts).
  await startConsentKeywordWorker(deps);
  // Policy alerts: write deliveries when one is sent (or its time comes), hand them to the outbox in paced chunks.
  const stopAlerts = await startAlertWorkers(deps);
  // Texts responders ~30 minutes before their shifts start.
  const stopReminders = startShiftReminders(deps);
  // DACA renewal reminders that fell due, at start and then daily (cases/daca-reminders.ts).
  const stopDacaReminders = startDacaReminders(deps);
  // Detention referrals with no consultation 48 hours on text the on-call coordinator (legal-network/referral-escalation.ts).
  const stopReferrals = startReferralWorkers(deps);
  return async () => {
    clearInterval(timer);
    clearInterval(purgeTimer);
    clearInterval(casePurgeTimer);
    clearInterval(rerouteTimer);
    stopReminders();
    stopDacaReminders();
    stopAlerts();
    stopReferrals();
    await deps.jobs.stop();
  };
}

import type { Deps } from './platform/context.ts';
import { purgeExpiredSessions } from './modules/auth/index.ts';

/**
 * The worker role. For now it sweeps expired sessions; the messaging issue brings the job
 * queue (pg-boss) that sends messages and runs retention. Returns a stop function.
 */
export function startWorker(deps: Deps): () => Promise<void> {
  const sweep = async () => {
    try {
      const n = await purgeExpiredSessions(deps.database.db);
      if (n) deps.log.info({ sessions: n }, 'expired sessions removed');
    } catch (err) {
      deps.log.error({ err }, 'session sweep failed');
    }
  };
  const timer = setInterval(sweep, 5 * 60_000);
  timer.unref();
  void sweep();
  return async () => clearInterval(timer);
}

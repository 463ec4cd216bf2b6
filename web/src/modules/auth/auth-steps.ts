import type { SessionInfo } from '../../../../contracts/auth.ts';
import { paths } from '../../app/paths.ts';
import { safeNext } from './session.ts';

/** The page a (possibly half-finished) sign-in should be on; null when nobody is signed in. */
export function nextStepPath(session: SessionInfo | null | undefined, next: string | null): string | null {
  if (!session) return null;
  const keep = next ? `?next=${encodeURIComponent(safeNext(next))}` : '';
  if (session.mfa === 'verify') return `${paths.mfaVerify}${keep}`;
  if (session.mfa === 'enrol') return `${paths.mfaEnrol}${keep}`;
  return safeNext(next);
}

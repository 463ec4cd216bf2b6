import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { SessionContext, signInPathFor, useSessionQuery } from '../modules/auth/session.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Loading } from '../ui/Loading.tsx';
import { paths } from './paths.ts';

/**
 * The auth guard. Only a session with mfa "ok" reaches the app; a half-finished sign-in is
 * sent to its next step, and the page asked for is kept in ?next= to return to afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: session, isPending, isError, error, refetch } = useSessionQuery();
  const here = location.pathname + location.search;
  const next = encodeURIComponent(here);

  if (isPending) {
    return (
      <main className="public-main" id="main">
        <Loading label={t('status.loading')} />
      </main>
    );
  }
  if (isError && !session) {
    return (
      <main className="public-main" id="main">
        <Alert tone="error" title={t('errors.sessionUnavailable')} actions={<Button onClick={() => void refetch()}>{t('actions.retry')}</Button>}>
          {error.message}
        </Alert>
      </main>
    );
  }
  if (!session) return <Navigate to={signInPathFor(here)} replace />;
  if (session.mfa === 'verify') return <Navigate to={`${paths.mfaVerify}?next=${next}`} replace />;
  if (session.mfa === 'enrol') return <Navigate to={`${paths.mfaEnrol}?next=${next}`} replace />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

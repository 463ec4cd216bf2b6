import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Alert } from '../ui/Alert.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';

/** Last resort when a page crashes: a plain page with a way out, never a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <div className="app">
      <main className="public-main" id="main">
        <PageHeading title={t('crash.title')} />
        <Alert tone="error" actions={<a className="btn btn--primary" href="/">{t('actions.goHome')}</a>}>
          <p>{t('crash.body')}</p>
          {error instanceof Error ? <p className="mono">{error.message}</p> : null}
        </Alert>
      </main>
    </div>
  );
}

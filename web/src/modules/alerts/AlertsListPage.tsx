import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useCan } from '../auth/session.ts';
import { alertPaths } from './alert-paths.ts';
import { useAlerts } from './alerts.api.ts';
import { AlertsTable } from './AlertsTable.tsx';
import './alerts.css';

/** The affiliate's alerts, newest first: drafts, those waiting for approval, sends under way and done. */
export function AlertsListPage() {
  const { t } = useTranslation('alerts');
  const fmt = useFormat();
  const canWrite = useCan('alerts.write');
  const list = useAlerts();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading
        title={t('list.title')}
        description={t('list.intro')}
        actions={
          canWrite ? (
            <ButtonLink to={alertPaths.new} variant="primary" data-testid="new-alert">
              {t('list.new')}
            </ButtonLink>
          ) : null
        }
      />
      {list.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {list.error ? (
        <Alert tone="error" actions={<Button onClick={() => void list.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {list.error.message}
        </Alert>
      ) : null}
      {list.data ? (
        <section aria-labelledby="alert-results" aria-busy={list.isFetching}>
          <h2 id="alert-results" className="visually-hidden">
            {t('list.resultsHeading')}
          </h2>
          <p role="status">{t('list.total', { total: fmt.number(items.length) })}</p>
          <AlertsTable alerts={items} />
        </section>
      ) : null}
    </>
  );
}

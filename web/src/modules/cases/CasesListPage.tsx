import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { filtersFromParams, paramsFromFilters, type CaseFilters } from './case-options.ts';
import { CaseFiltersForm } from './CaseFiltersForm.tsx';
import { CasesTable } from './CasesTable.tsx';
import { useCases } from './cases.api.ts';
import './cases.css';

/** The server returns at most this many cases per list (newest first). */
const SERVER_LIMIT = 200;

/** The affiliate's cases. Filters live in the URL, so a view can be reloaded, shared, and left with Back. */
export function CasesListPage() {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const list = useCases(filters);
  const go = (f: CaseFilters) => setParams(paramsFromFilters(f), { replace: true });
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeading title={t('list.title')} description={t('list.intro')} />
      <CaseFiltersForm filters={filters} onChange={go} />
      {list.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {list.error ? (
        <Alert tone="error" actions={<Button onClick={() => void list.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {list.error.message}
        </Alert>
      ) : null}
      {list.data ? (
        <section aria-labelledby="case-results" aria-busy={list.isFetching}>
          <h2 id="case-results" className="visually-hidden">
            {t('list.resultsHeading')}
          </h2>
          <p role="status">{t('list.total', { total: fmt.number(items.length) })}</p>
          {items.length >= SERVER_LIMIT ? <Alert tone="info">{t('list.capped', { total: fmt.number(SERVER_LIMIT) })}</Alert> : null}
          <CasesTable cases={items} empty={<p>{t('list.empty')}</p>} />
        </section>
      ) : null}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { useCan } from '../auth/session.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { PeopleSearchForm, type PeopleFilters } from './PeopleSearchForm.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { usePeopleSearch } from './people.api.ts';

const PAGE_SIZE = 25;

/** Search lives in the URL, so a search can be reloaded, shared, and left with Back. */
export function PeopleListPage() {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  const canWrite = useCan('people.write');
  const [params, setParams] = useSearchParams();
  const filters: PeopleFilters = { q: params.get('q') ?? '', language: params.get('language') ?? '', state: params.get('state') ?? '' };
  const offset = Math.max(0, Number(params.get('offset')) || 0);

  const search = usePeopleSearch({ ...filters, limit: PAGE_SIZE, offset });

  const go = (next: PeopleFilters, nextOffset = 0) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    if (nextOffset) p.set('offset', String(nextOffset));
    setParams(p);
  };

  const total = search.data?.total ?? 0;
  const capped = search.data?.totalCapped ?? false;
  const shownTotal = capped ? `${fmt.number(total)}+` : fmt.number(total);
  const items = search.data?.items ?? [];

  return (
    <>
      <PageHeading
        title={t('list.title')}
        description={t('list.intro')}
        actions={
          canWrite ? (
            <ButtonLink to={paths.newPerson} variant="primary">
              <span aria-hidden="true">+ </span>
              {t('list.new')}
            </ButtonLink>
          ) : null
        }
      />
      <PeopleSearchForm initial={filters} onSearch={(f) => go(f)} />
      {search.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {search.error ? <Alert tone="error">{search.error.message}</Alert> : null}
      {search.data ? (
        <section aria-labelledby="people-results" aria-busy={search.isFetching}>
          <h2 id="people-results" className="visually-hidden">
            {t('list.resultsHeading')}
          </h2>
          <p role="status">{t('list.total', { total: shownTotal })}</p>
          <PeopleTable
            people={items}
            empty={
              <>
                <p>{t('list.empty')}</p>
                {canWrite ? <ButtonLink to={paths.newPerson}>{t('list.new')}</ButtonLink> : null}
              </>
            }
          />
          {total > PAGE_SIZE || capped ? (
            <Pager
              label={t('list.pages')}
              status={t('list.range', { from: fmt.number(offset + 1), to: fmt.number(Math.min(offset + PAGE_SIZE, total)), total: shownTotal })}
              previousLabel={t('actions.previous', { ns: 'common' })}
              nextLabel={t('actions.next', { ns: 'common' })}
              hasPrevious={offset > 0}
              hasNext={offset + PAGE_SIZE < total || capped}
              onPrevious={() => go(filters, Math.max(0, offset - PAGE_SIZE))}
              onNext={() => go(filters, offset + PAGE_SIZE)}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

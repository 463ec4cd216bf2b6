import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import { AuditTable } from './AuditTable.tsx';
import { useAuditLog, type AuditFilters } from './audit.api.ts';

/** Filters live in the URL so that a record's "history" link lands here already filtered. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = { action: params.get('action') ?? '', entityType: params.get('entityType') ?? '', entityId: params.get('entityId') ?? '' };
  const log = useAuditLog(filters);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (f: AuditFilters) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
    setParams(p);
  };

  return (
    <>
      <PageHeading title={t('title')} description={t('intro')} />
      <AuditFiltersForm initial={filters} onApply={apply} />
      {log.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {log.error ? <Alert tone="error">{log.error.message}</Alert> : null}
      {log.data ? (
        <section aria-labelledby="audit-results">
          <h2 id="audit-results" className="visually-hidden">
            {t('table.caption')}
          </h2>
          <AuditTable entries={entries} />
          {log.hasNextPage ? (
            <div className="button-row">
              <Button onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage}>
                {t('loadOlder')}
              </Button>
            </div>
          ) : entries.length > 0 ? (
            <p className="muted">{t('endOfLog')}</p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useSession } from '../auth/session.ts';
import { type InboxFilters, useInbox } from './hotline.api.ts';
import { activeFilterCount } from './inbox-options.ts';
import { useNow } from './inbox-time.ts';
import { InboxRow } from './InboxRow.tsx';

export function InboxList({ filters, onClearFilters }: { filters: InboxFilters; onClearFilters: () => void }) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const session = useSession();
  const inbox = useInbox(filters);
  const now = useNow();

  if (inbox.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (inbox.isError && !inbox.data) {
    return (
      <Alert tone="error" actions={<Button onClick={() => void inbox.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
        {inbox.error.message}
      </Alert>
    );
  }
  // A conversation that moved up while the pages were read can come twice: show it once, where it is newest.
  const seen = new Set<string>();
  const items = inbox.data.pages.flatMap((p) => p.items).filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)));
  const filtered = activeFilterCount(filters) > 0;

  return (
    <section aria-labelledby="inbox-results" aria-busy={inbox.isFetching && !inbox.isFetchingNextPage}>
      <h2 id="inbox-results" className="visually-hidden">
        {t('inbox.list.heading')}
      </h2>
      {/* A failed refresh keeps the rows shown and says so (the stream will try again). */}
      {inbox.isError ? <Alert tone="error">{inbox.error.message}</Alert> : null}
      <p className="inbox-count" role="status">
        {inbox.hasNextPage ? t('inbox.list.shownMore', { n: fmt.number(items.length) }) : t('inbox.list.shown', { n: fmt.number(items.length) })}
      </p>
      {items.length === 0 ? (
        <div className="inbox-empty">
          <p>
            {filters.status === 'closed'
              ? t('inbox.list.emptyClosed')
              : filters.assigned === 'me'
                ? t('inbox.list.emptyMine')
                : filters.assigned === 'unassigned'
                  ? t('inbox.list.emptyUnassigned')
                  : t('inbox.list.emptyOpen')}
          </p>
          {filtered ? <Button onClick={onClearFilters}>{t('inbox.filters.clear')}</Button> : null}
        </div>
      ) : (
        <ul className="inbox-list">
          {items.map((c) => (
            <InboxRow key={c.id} conversation={c} now={now} meId={session.user.id} />
          ))}
        </ul>
      )}
      {inbox.hasNextPage ? (
        <div className="button-row">
          <Button onClick={() => void inbox.fetchNextPage()} busy={inbox.isFetchingNextPage}>
            {t('inbox.list.loadMore')}
          </Button>
        </div>
      ) : null}
      {inbox.isFetchNextPageError ? <Alert tone="error">{inbox.error?.message}</Alert> : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { Alert } from '../../ui/Alert.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { InboxFiltersForm } from './InboxFiltersForm.tsx';
import { InboxList } from './InboxList.tsx';
import { InboxViews } from './InboxViews.tsx';
import type { InboxFilters } from './hotline.api.ts';
import { filtersFromParams, paramsFromFilters } from './inbox-options.ts';
import { StreamStatus } from './StreamStatus.tsx';
import { TransferIncoming } from './TransferIncoming.tsx';
import { useHotlineStream } from './use-hotline-stream.ts';
import './inbox.css';

/**
 * The hotline inbox: open conversations, newest activity first, updated live. The filters
 * live in the URL, so a view can be bookmarked on a phone and survives a reload.
 */
export function InboxPage() {
  const { t } = useTranslation('hotline');
  const stream = useHotlineStream();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  // Replace, not push: Back leaves the inbox instead of stepping through every filter tried.
  const go = (next: InboxFilters) => setParams(paramsFromFilters(next), { replace: true });
  // Back from a conversation taken from another affiliate and given back (TransferPage).
  const returned = (useLocation().state as { transferReturned?: string } | null)?.transferReturned;

  return (
    <>
      <PageHeading title={t('inbox.title')} description={t('inbox.intro')} />
      <StreamStatus state={stream} />
      {returned ? <Alert tone="success">{t('transfers.guest.givenBack', { org: returned })}</Alert> : null}
      <TransferIncoming />
      <InboxViews filters={filters} />
      <InboxFiltersForm filters={filters} onChange={go} />
      <InboxList filters={filters} onClearFilters={() => go({ status: 'open', assigned: filters.assigned })} />
    </>
  );
}

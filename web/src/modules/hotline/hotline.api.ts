import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../../../../contracts/common.ts';
import type { ResponderList } from '../../../../contracts/hotline-shifts.ts';
import type {
  AssignedFilter,
  AssignInput,
  CannedResponseList,
  Category,
  CloseInput,
  ConversationChannel,
  ConversationDetail,
  ConversationPage,
  ConversationStatus,
  ConversationSummary,
  Note,
  NoteInput,
  ReplyInput,
  ReplyResult,
  TriageInput,
  Urgency,
} from '../../../../contracts/hotline.ts';
import { api } from '../../lib/api.ts';

/** The inbox's filters, as they sit in the page URL (empty = any). */
export interface InboxFilters {
  status: ConversationStatus;
  assigned: AssignedFilter;
  lang?: Lang;
  urgency?: Urgency;
  channel?: ConversationChannel;
  category?: Category;
}

export const INBOX_PAGE_SIZE = 30;

/**
 * Query keys of the inbox. Everything under ['hotline', 'conversations'] is what the live
 * stream refreshes; other hotline data (shifts, responders) lives under its own keys.
 */
export const inboxKeys = {
  conversations: ['hotline', 'conversations'] as const,
  lists: ['hotline', 'conversations', 'list'] as const,
  list: (f: InboxFilters) => ['hotline', 'conversations', 'list', f] as const,
  details: ['hotline', 'conversations', 'detail'] as const,
  detail: (id: string) => ['hotline', 'conversations', 'detail', id] as const,
  canned: ['hotline', 'canned-responses'] as const,
  responders: ['hotline', 'responders', 'list'] as const,
};

const seg = encodeURIComponent;
const base = '/api/v1/hotline/conversations';

export const inboxApi = {
  list: (f: InboxFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<ConversationPage>(base, { query: { ...f, cursor, limit: INBOX_PAGE_SIZE }, signal }),
  get: (id: string, signal?: AbortSignal) => api<ConversationDetail>(`${base}/${seg(id)}`, { signal }),
  reply: (id: string, body: ReplyInput) => api<ReplyResult>(`${base}/${seg(id)}/replies`, { method: 'POST', body }),
  note: (id: string, body: NoteInput) => api<Note>(`${base}/${seg(id)}/notes`, { method: 'POST', body }),
  triage: (id: string, body: TriageInput) => api<ConversationSummary>(`${base}/${seg(id)}`, { method: 'PATCH', body }),
  assign: (id: string, body: AssignInput) => api<ConversationSummary>(`${base}/${seg(id)}/assign`, { method: 'POST', body }),
  close: (id: string, body: CloseInput) => api<ConversationSummary>(`${base}/${seg(id)}/close`, { method: 'POST', body }),
  reopen: (id: string) => api<ConversationSummary>(`${base}/${seg(id)}/reopen`, { method: 'POST' }),
  canned: () => api<CannedResponseList>('/api/v1/hotline/canned-responses'),
  responders: () => api<ResponderList>('/api/v1/hotline/responders'),
};

/** Newest activity first, one page at a time ("load more"); the live stream refetches the pages shown. */
export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(filters),
    queryFn: ({ pageParam, signal }) => inboxApi.list(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // Freshness comes from the stream, not from a timer.
    staleTime: Infinity,
  });
}

/** Delivery states that will still change (the thread shows them as pending). */
const IN_FLIGHT = new Set(['queued', 'sending', 'sent', 'accepted', 'scheduled']);
export const isInFlight = (status: string) => IN_FLIGHT.has(status);

/**
 * One conversation. Reading it is audited on the server, so it is refetched only when the
 * stream names it (a new message, a reply's delivery status moving, an assignment) or
 * reconnects.
 */
export function useConversation(id: string) {
  return useQuery({
    queryKey: inboxKeys.detail(id),
    queryFn: ({ signal }) => inboxApi.get(id, signal),
    staleTime: Infinity,
  });
}

export const useCannedResponses = () => useQuery({ queryKey: inboxKeys.canned, queryFn: inboxApi.canned, staleTime: 5 * 60_000 });

export const useResponders = (enabled: boolean) =>
  useQuery({ queryKey: inboxKeys.responders, queryFn: inboxApi.responders, enabled, staleTime: 60_000 });

/**
 * A change to one conversation. Whatever it returns, the detail and the lists are re-read
 * (the stream would say so too, a moment later; this makes the result show at once).
 */
export function useConversationChange<TInput, TResult>(id: string, fn: (id: string, input: TInput) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => fn(id, input),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: inboxKeys.detail(id) }), qc.invalidateQueries({ queryKey: inboxKeys.lists })]),
  });
}

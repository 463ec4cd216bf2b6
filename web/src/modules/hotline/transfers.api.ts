import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Transfer, TransferList, TransferOffer } from '../../../../contracts/hotline-transfers.ts';
import type { ConversationDetail, Note, NoteInput, ReplyInput, ReplyResult } from '../../../../contracts/hotline.ts';
import type { AffiliateList } from '../../../../contracts/organizations.ts';
import { api } from '../../lib/api.ts';
import { inboxKeys } from './hotline.api.ts';

/**
 * Query keys of transfers between affiliates. The list sits under the inbox lists, so every
 * hint on the live stream (a `hotline.transfer` event, or an assignment on an offered
 * conversation) refetches it with them; the guest's view of a taken conversation sits under
 * the conversations, so a reconnect refetches it too.
 */
export const transferKeys = {
  list: [...inboxKeys.lists, 'transfers'] as const,
  guest: (id: string) => [...inboxKeys.conversations, 'transfer', id] as const,
  affiliates: ['network', 'affiliates'] as const,
};

const seg = encodeURIComponent;
const base = '/api/v1/hotline/transfers';

export const transfersApi = {
  list: (signal?: AbortSignal) => api<TransferList>(base, { signal }),
  offer: (conversationId: string, body: TransferOffer) =>
    api<Transfer>(`/api/v1/hotline/conversations/${seg(conversationId)}/transfer`, { method: 'POST', body }),
  take: (id: string) => api<Transfer>(`${base}/${seg(id)}/take`, { method: 'POST' }),
  end: (id: string) => api<Transfer>(`${base}/${seg(id)}/end`, { method: 'POST' }),
  conversation: (id: string, signal?: AbortSignal) => api<ConversationDetail>(`${base}/${seg(id)}/conversation`, { signal }),
  reply: (id: string, body: ReplyInput) => api<ReplyResult>(`${base}/${seg(id)}/replies`, { method: 'POST', body }),
  note: (id: string, body: NoteInput) => api<Note>(`${base}/${seg(id)}/notes`, { method: 'POST', body }),
  affiliates: () => api<AffiliateList>('/api/v1/network/affiliates'),
};

/** Live offers to my affiliate (incoming) and by it (outgoing); fresh from the stream. */
export const useTransfers = () => useQuery({ queryKey: transferKeys.list, queryFn: ({ signal }) => transfersApi.list(signal), staleTime: Infinity });

export const useAffiliates = (enabled: boolean) => useQuery({ queryKey: transferKeys.affiliates, queryFn: transfersApi.affiliates, enabled, staleTime: 5 * 60_000 });

/**
 * The conversation a responder took from another affiliate: re-read when its own live feed
 * says it changed (use-transfer-stream.ts), never on a timer — each read is audited there.
 */
export const useGuestConversation = (id: string) =>
  useQuery({
    queryKey: transferKeys.guest(id),
    queryFn: ({ signal }) => transfersApi.conversation(id, signal),
    staleTime: Infinity,
    retry: false,
  });

/** Offer, take, give back, withdraw: then the transfer list and the inbox are re-read. */
export function useTransferChange<TInput>(fn: (input: TInput) => Promise<Transfer>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: inboxKeys.lists }), qc.invalidateQueries({ queryKey: inboxKeys.details })]),
  });
}

import { useQuery } from '@tanstack/react-query';
import type { Ok } from '../../../../contracts/common.ts';
import type {
  Estimate,
  EstimateInput,
  HistoryPage,
  MessagingAccount,
  MessagingAccountInput,
  QueueView,
  Sender,
  SenderInput,
  SenderList,
  SenderPatch,
} from '../../../../contracts/messaging.ts';
import { api } from '../../lib/api.ts';

export const messagingKeys = {
  account: ['messaging', 'account'] as const,
  senders: ['messaging', 'senders'] as const,
  queue: ['messaging', 'queue'] as const,
  history: (personId: string) => ['messaging', 'history', personId] as const,
};

const seg = encodeURIComponent;

export const messagingApi = {
  account: () => api<MessagingAccount>('/api/v1/messaging/account'),
  saveAccount: (body: MessagingAccountInput) => api<MessagingAccount>('/api/v1/messaging/account', { method: 'PUT', body }),
  senders: () => api<SenderList>('/api/v1/messaging/senders'),
  createSender: (body: SenderInput) => api<Sender>('/api/v1/messaging/senders', { method: 'POST', body }),
  updateSender: (id: string, body: SenderPatch) => api<Sender>(`/api/v1/messaging/senders/${seg(id)}`, { method: 'PATCH', body }),
  deleteSender: (id: string) => api<Ok>(`/api/v1/messaging/senders/${seg(id)}`, { method: 'DELETE' }),
  queue: () => api<QueueView>('/api/v1/messaging/queue'),
  estimate: (body: EstimateInput) => api<Estimate>('/api/v1/messaging/estimate', { method: 'POST', body }),
  history: (personId: string, before?: string) => api<HistoryPage>(`/api/v1/people/${seg(personId)}/messages`, { query: { before, limit: 50 } }),
};

export const useMessagingAccount = () => useQuery({ queryKey: messagingKeys.account, queryFn: messagingApi.account });
export const useSenders = () => useQuery({ queryKey: messagingKeys.senders, queryFn: messagingApi.senders });
/** Every 2 s: the page is watched while a send runs, and the counts are one cheap grouped query. */
export const useQueue = () => useQuery({ queryKey: messagingKeys.queue, queryFn: messagingApi.queue, refetchInterval: 2000 });

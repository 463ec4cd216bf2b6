import { IdParams, Ok } from '../../../contracts/common.ts';
import {
  Estimate,
  EstimateInput,
  HistoryPage,
  HistoryQuery,
  MessagingAccount,
  MessagingAccountInput,
  QueueView,
  Sender,
  SenderInput,
  SenderList,
  SenderPatch,
} from '../../../contracts/messaging.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { estimateCost } from './cost-estimate.ts';
import { getMessageHistory } from './message-history.ts';
import { getMessagingAccount, updateMessagingAccount } from './provider-settings.ts';
import { getQueueView } from './queue-view.ts';
import { createSender, deleteSender, listSenders, updateSender } from './senders.ts';

const tags = ['messaging'];

/** What staff see of messaging: provider settings and senders (admins), the queue, a person's history, the cost of a text. */
export const messagingStaffRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/messaging/account', tags, summary: 'SMS/voice provider of the current organization (the auth token is never returned)',
    policy: { action: 'messaging.settings' }, response: MessagingAccount,
    handler: ({ ctx }) => getMessagingAccount({ ctx }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/messaging/account', tags, summary: 'Set the provider and Twilio credentials (send the version you saw)',
    policy: { action: 'messaging.settings' }, body: MessagingAccountInput, response: MessagingAccount,
    handler: ({ ctx, body }) => updateMessagingAccount({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/messaging/senders', tags, summary: 'Phone numbers and Messaging Services the organization sends from',
    policy: { action: 'messaging.settings' }, response: SenderList,
    handler: ({ ctx }) => listSenders({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/messaging/senders', tags, summary: 'Add a sender (a number belongs to one organization)',
    policy: { action: 'messaging.settings' }, body: SenderInput, response: Sender, status: 201,
    handler: ({ ctx, body }) => createSender({ ctx, input: body }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/messaging/senders/:id', tags, summary: 'Change a sender (label, number, pacing, default)',
    policy: { action: 'messaging.settings' }, params: IdParams, body: SenderPatch, response: Sender,
    handler: ({ ctx, params, body }) => updateSender({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/messaging/senders/:id', tags, summary: 'Remove a sender with no messages waiting',
    policy: { action: 'messaging.settings' }, params: IdParams, response: Ok,
    handler: ({ ctx, params }) => deleteSender({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/messaging/queue', tags, summary: 'Messages waiting, held, sending and recently sent, per sender',
    policy: { action: 'messaging.queue' }, response: QueueView,
    handler: ({ ctx }) => getQueueView({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/messaging/estimate', tags, summary: 'Segments, encoding and cost of a text before sending it',
    policy: { action: 'messaging.queue' }, body: EstimateInput, response: Estimate,
    handler: ({ ctx, body }) => estimateCost({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/people/:id/messages', tags, summary: "A member's texts, calls and emails, newest first (audited read)",
    policy: { action: 'messaging.history', hideAs404: true }, params: IdParams, query: HistoryQuery, response: HistoryPage,
    handler: ({ ctx, params, query }) => getMessageHistory({ ctx, input: { ...query, id: params.id } }),
  }),
];

import { z } from 'zod';
import { Transfer, TransferList, TransferOffer } from '../../../contracts/hotline-transfers.ts';
import { ConversationDetail, Note, NoteInput, ReplyInput, ReplyResult } from '../../../contracts/hotline.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { streamEvents } from '../../platform/realtime/sse.ts';
import { endTransfer, guestConversation, guestStreamTarget, guestNote, guestReply, listTransfers, offerTransfer, takeTransfer } from './transfers.ts';

const tags = ['hotline'];
const IdParams = z.object({ id: z.uuid() });
const respond = { action: 'hotline.respond' } as const;

export const hotlineTransferRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/conversations/:id/transfer', tags, summary: 'Offer a conversation to another affiliate (overflow; audited on both sides)',
    policy: { action: 'hotline.coordinate' }, params: IdParams, body: TransferOffer, response: Transfer, status: 201,
    handler: ({ ctx, params, body }) => offerTransfer({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/transfers', tags, summary: 'Offers made to this affiliate and by it',
    policy: respond, response: TransferList,
    handler: ({ ctx }) => listTransfers({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/transfers/:id/take', tags, summary: 'Take an offered conversation from another affiliate',
    policy: respond, params: IdParams, response: Transfer,
    handler: ({ ctx, params }) => takeTransfer({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/transfers/:id/end', tags, summary: 'Give a taken conversation back, or withdraw an offer',
    policy: respond, params: IdParams, response: Transfer,
    handler: ({ ctx, params }) => endTransfer({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/transfers/:id/conversation', tags, summary: 'The conversation you took, as a guest of its affiliate (audited there)',
    policy: respond, params: IdParams, response: ConversationDetail,
    handler: ({ ctx, params }) => guestConversation({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/transfers/:id/stream', tags,
    summary: 'Server-Sent Events for the conversation you took: its affiliate’s change hints for that conversation only; send Accept: text/event-stream',
    policy: respond, params: IdParams,
    response: z.string().describe('text/event-stream, as /api/v1/hotline/stream, carrying only `hotline.conversation` events of this conversation'),
    handler: async ({ ctx, params, req, reply }) => {
      const { orgId, conversationId } = await guestStreamTarget({ ctx, input: params });
      await streamEvents(req, reply, ctx.deps.realtime, { orgId, topicPrefix: 'hotline.conversation', only: (e) => (e.data as { id?: unknown } | null)?.id === conversationId });
      return '';
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/transfers/:id/replies', tags, summary: 'Reply in a conversation you took (from its affiliate’s number)',
    policy: respond, params: IdParams, body: ReplyInput, response: ReplyResult, status: 201,
    handler: ({ ctx, params, body }) => guestReply({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/transfers/:id/notes', tags, summary: 'Add a note to a conversation you took',
    policy: respond, params: IdParams, body: NoteInput, response: Note, status: 201,
    handler: ({ ctx, params, body }) => guestNote({ ctx, input: { ...params, ...body } }),
  }),
];

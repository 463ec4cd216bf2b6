import { IdParams } from '../../../contracts/common.ts';
import {
  AssignInput,
  CloseInput,
  ConversationDetail,
  ConversationListQuery,
  ConversationPage,
  ConversationSummary,
  Note,
  NoteInput,
  ReplyInput,
  ReplyResult,
  TriageInput,
} from '../../../contracts/hotline.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { assignConversation } from './conversations-assign.ts';
import { closeConversation, reopenConversation } from './conversations-lifecycle.ts';
import { listConversations } from './inbox.ts';
import { addNote } from './notes.ts';
import { sendReply } from './replies.ts';
import { getConversation } from './thread.ts';
import { triageConversation } from './triage.ts';

const tags = ['hotline'];

/**
 * The inbox. Every route about one conversation answers 404 to a caller who may not see it
 * (another affiliate's, or a role without hotline.respond): its existence is not shown.
 */
export const conversationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/conversations', tags, summary: 'Conversations, newest activity first (filters and cursor paging)',
    policy: { action: 'hotline.respond' }, query: ConversationListQuery, response: ConversationPage,
    handler: ({ ctx, query }) => listConversations({ ctx, input: query }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/conversations/:id', tags, summary: 'One conversation: thread, person card, consent (audited read)',
    policy: { action: 'hotline.respond', hideAs404: true }, params: IdParams, response: ConversationDetail,
    handler: ({ ctx, params }) => getConversation({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/conversations/:id/replies', tags, summary: 'Reply to the member (SMS from the hotline number, or email)',
    policy: { action: 'hotline.respond', hideAs404: true }, params: IdParams, body: ReplyInput, response: ReplyResult, status: 201,
    handler: ({ ctx, params, body }) => sendReply({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/conversations/:id/notes', tags, summary: 'Add an internal note (encrypted, never shown to the member)',
    policy: { action: 'hotline.respond', hideAs404: true }, params: IdParams, body: NoteInput, response: Note, status: 201,
    handler: ({ ctx, params, body }) => addNote({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/hotline/conversations/:id', tags, summary: 'Triage: category, urgency, tags',
    policy: { action: 'hotline.respond', hideAs404: true }, params: IdParams, body: TriageInput, response: ConversationSummary,
    handler: ({ ctx, params, body }) => triageConversation({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/conversations/:id/assign', tags, summary: 'Assign (coordinators: anyone; responders: take an unassigned one or give back their own)',
    policy: { action: 'hotline.respond', hideAs404: true }, params: IdParams, body: AssignInput, response: ConversationSummary,
    handler: ({ ctx, params, body }) => assignConversation({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/conversations/:id/close', tags, summary: 'Close with a disposition',
    policy: { action: 'hotline.respond', hideAs404: true }, params: IdParams, body: CloseInput, response: ConversationSummary,
    handler: ({ ctx, params, body }) => closeConversation({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/conversations/:id/reopen', tags, summary: 'Reopen a closed conversation',
    policy: { action: 'hotline.respond', hideAs404: true }, params: IdParams, response: ConversationSummary,
    handler: ({ ctx, params }) => reopenConversation({ ctx, input: params }),
  }),
];

import { IdParams, Ok } from '../../../contracts/common.ts';
import { CannedResponse, CannedResponseInput, CannedResponseList, CannedResponsePatch } from '../../../contracts/hotline.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { createCannedResponse, deleteCannedResponse, listCannedResponses, updateCannedResponse } from './canned-responses.ts';

const tags = ['hotline'];

export const cannedResponseRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/canned-responses', tags, summary: 'Canned responses, each in Korean, English and Spanish',
    policy: { action: 'hotline.respond' }, response: CannedResponseList,
    handler: ({ ctx }) => listCannedResponses({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/canned-responses', tags, summary: 'Add a canned response (all three languages required)',
    policy: { action: 'hotline.coordinate' }, body: CannedResponseInput, response: CannedResponse, status: 201,
    handler: ({ ctx, body }) => createCannedResponse({ ctx, input: body }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/hotline/canned-responses/:id', tags, summary: 'Change a canned response',
    policy: { action: 'hotline.coordinate' }, params: IdParams, body: CannedResponsePatch, response: CannedResponse,
    handler: ({ ctx, params, body }) => updateCannedResponse({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/hotline/canned-responses/:id', tags, summary: 'Remove a canned response',
    policy: { action: 'hotline.coordinate' }, params: IdParams, response: Ok,
    handler: ({ ctx, params }) => deleteCannedResponse({ ctx, input: params }),
  }),
];

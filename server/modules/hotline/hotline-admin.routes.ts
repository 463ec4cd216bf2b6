import { z } from 'zod';
import { CallbackDone, CallbackList, CallbackListQuery, CallbackTask, CallInInput, CallInResult, HotlineReport, HotlineReportQuery, HotlineSettings, HotlineSettingsPatch } from '../../../contracts/hotline-admin.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { hotlineReport } from './reports.ts';
import { callInResponders, claimCallback, finishCallback, getHotlineSettings, listCallbacks, updateHotlineSettings } from './hotline-admin.ts';

const tags = ['hotline'];
const IdParams = z.object({ id: z.uuid() });

export const hotlineAdminRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/settings', tags, summary: 'Hotline settings: ring time, emergency alert delay, surge mode',
    policy: { action: 'hotline.respond' }, response: HotlineSettings,
    handler: ({ ctx }) => getHotlineSettings({ ctx }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/hotline/settings', tags, summary: 'Change hotline settings (surge mode on or off)',
    policy: { action: 'hotline.coordinate' }, body: HotlineSettingsPatch, response: HotlineSettings,
    handler: ({ ctx, body }) => updateHotlineSettings({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/callbacks', tags, summary: 'The callback queue: emergencies first, then oldest first',
    policy: { action: 'hotline.respond' }, query: CallbackListQuery, response: CallbackList,
    handler: ({ ctx, query }) => listCallbacks({ ctx, input: query }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/callbacks/:id/claim', tags, summary: 'Take a callback (one responder calls back)',
    policy: { action: 'hotline.respond' }, params: IdParams, response: CallbackTask,
    handler: ({ ctx, params }) => claimCallback({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/callbacks/:id/done', tags, summary: 'Record how a callback went',
    policy: { action: 'hotline.respond' }, params: IdParams, body: CallbackDone, response: CallbackTask,
    handler: ({ ctx, params, body }) => finishCallback({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/call-in', tags, summary: 'Text every responder not on call to come and help',
    policy: { action: 'hotline.coordinate' }, body: CallInInput, response: CallInResult,
    handler: ({ ctx, body }) => callInResponders({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/reports', tags, summary: 'Volume, first-response times, calls and what is outstanding, for a period',
    policy: { action: 'hotline.reports' }, query: HotlineReportQuery, response: HotlineReport,
    handler: ({ ctx, query }) => hotlineReport({ ctx, input: query }),
  }),
];

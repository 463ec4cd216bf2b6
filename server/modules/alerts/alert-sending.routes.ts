import { z } from 'zod';
import { Alert, AlertProgress, FollowUpInput, ScheduleInput, VersionedInput } from '../../../contracts/alerts.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { followLink } from './alert-links.ts';
import { alertProgress } from './alert-progress.ts';
import { cancelAlert, createFollowUp, pauseAlert, resumeAlert, scheduleAlert, sendAlert } from './alert-sending.ts';
import { getAlert } from './get-alert.ts';
import { streamProgress } from './progress-stream.ts';

const tags = ['alerts'];
const IdParams = z.object({ id: z.uuid() });
const write = { action: 'alerts.write' } as const;
const approve = { action: 'alerts.approve' } as const;

export const alertSendingRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/send', tags, summary: 'Send an approved alert now (or at its scheduled time); a second click: 409 already_sending', policy: approve,
    params: IdParams, body: VersionedInput, response: Alert,
    handler: async ({ ctx, params, body }) => {
      await sendAlert({ ctx, input: { ...params, ...body } });
      return getAlert({ ctx, input: params });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/schedule', tags, summary: 'Set (or clear, with at: null) when an approved alert goes out', policy: approve,
    params: IdParams, body: ScheduleInput, response: Alert,
    handler: async ({ ctx, params, body }) => {
      await scheduleAlert({ ctx, input: { ...params, ...body } });
      return getAlert({ ctx, input: params });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/pause', tags, summary: 'Pause a sending alert: nothing more is handed to the outbox; what waits there is taken back', policy: approve,
    params: IdParams, body: VersionedInput, response: Alert,
    handler: async ({ ctx, params, body }) => {
      await pauseAlert({ ctx, input: { ...params, ...body } });
      return getAlert({ ctx, input: params });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/resume', tags, summary: 'Resume a paused alert', policy: approve,
    params: IdParams, body: VersionedInput, response: Alert,
    handler: async ({ ctx, params, body }) => {
      await resumeAlert({ ctx, input: { ...params, ...body } });
      return getAlert({ ctx, input: params });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/cancel', tags, summary: 'Cancel an alert before it is sent (what already left stays sent)', policy: approve,
    params: IdParams, body: VersionedInput, response: Alert,
    handler: async ({ ctx, params, body }) => {
      await cancelAlert({ ctx, input: { ...params, ...body } });
      return getAlert({ ctx, input: params });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/follow-up', tags, summary: 'Start a correction or retraction: a draft that goes to exactly the people the alert reached', policy: write,
    params: IdParams, body: FollowUpInput, response: Alert, status: 201,
    handler: async ({ ctx, params, body }) => {
      const created = await createFollowUp({ ctx, input: { ...params, ...body } });
      return getAlert({ ctx, input: { id: created.id } });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/alerts/:id/progress', tags, summary: 'Sent, delivered, failed, opted out, by language and state; time to finish; link clicks', policy: write,
    params: IdParams, response: AlertProgress,
    handler: ({ ctx, params }) => alertProgress({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/alerts/:id/stream', tags, summary: 'Server-Sent Events: `event: progress` with the progress JSON every 2 s while it changes; send Accept: text/event-stream', policy: write,
    params: IdParams, response: z.string().describe('text/event-stream'),
    handler: async ({ ctx, params, req, reply }) => {
      await alertProgress({ ctx, input: params }); // the access check (404 for another org's alert), before the stream opens
      await streamProgress(req, reply, ctx.deps, params.id);
      return '';
    },
  }),
  defineRoute({
    method: 'GET', url: '/l/:code', tags: ['public'], summary: "Follow an alert's short link (counts a click for its language)", policy: { public: true },
    params: z.object({ code: z.string().max(20) }), response: z.string(),
    handler: async ({ ctx, params, reply }) => {
      const url = await followLink(ctx.deps.database.db, params.code);
      if (!url) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
      return reply.code(302).header('location', url).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send('');
    },
  }),
];

import { z } from 'zod';
import { Lang } from '../../../contracts/common.ts';
import { Alert, AlertList, AlertPreview, AlertVersionInput, Audience, CreateAlertInput, ReviewVersionInput, UpdateAlertInput, VersionedInput } from '../../../contracts/alerts.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { putAlertVersion, reviewAlertVersion } from './alert-versions.ts';
import { approveAlert, returnAlertToDraft, submitAlert } from './approve-alert.ts';
import { createAlert } from './create-alert.ts';
import { getAlert, listAlerts } from './get-alert.ts';
import { previewAlert } from './preview-alert.ts';
import { updateAlert } from './update-alert.ts';

/** Composing, translating and approving alerts. Sending, scheduling and progress are in alert-sending.routes.ts. */
const tags = ['alerts'];
const IdParams = z.object({ id: z.uuid() });
const LangParams = IdParams.extend({ lang: Lang });
const write = { action: 'alerts.write' } as const;
const approve = { action: 'alerts.approve' } as const;

export const alertComposeRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/alerts', tags, summary: "This org's alerts, newest first", policy: write,
    response: AlertList,
    handler: ({ ctx }) => listAlerts({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts', tags, summary: 'Start a draft alert (a repeated requestId returns the first one, 200)', policy: write,
    body: CreateAlertInput, response: Alert, status: 201,
    handler: async ({ ctx, body, reply }) => {
      const { created, ...alert } = await createAlert({ ctx, input: body });
      // A double click: the same alert, answered 200 (the route's declared 201 is for a new one).
      if (!created) return reply.status(200).send(Alert.parse(alert));
      return alert;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/alerts/:id', tags, summary: 'An alert with its versions, and why the caller may not approve it', policy: write,
    params: IdParams, response: Alert,
    handler: ({ ctx, params }) => getAlert({ ctx, input: params }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/alerts/:id', tags, summary: 'Edit a draft (expectedVersion: 409 stale_version when someone saved first)', policy: write,
    params: IdParams, body: UpdateAlertInput, response: Alert,
    handler: ({ ctx, params, body }) => updateAlert({ ctx, input: { ...body, ...params } }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/alerts/:id/versions/:lang', tags, summary: "Write one language's texts of a draft (sends that translation back to draft)", policy: write,
    params: LangParams, body: AlertVersionInput, response: Alert,
    handler: ({ ctx, params, body }) => putAlertVersion({ ctx, input: { ...body, ...params } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/versions/:lang/review', tags, summary: 'Set a translation to draft, needs review, or approved (approving needs alerts.approve)', policy: write,
    params: LangParams, body: ReviewVersionInput, response: Alert,
    handler: ({ ctx, params, body }) => reviewAlertVersion({ ctx, input: { ...body, ...params } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/preview', tags, summary: 'Live recipients, segments, cost, send time and quiet hours (optionally for an unsaved audience)', policy: write,
    params: IdParams, body: z.object({ audience: Audience.optional() }).nullish(), response: AlertPreview,
    handler: ({ ctx, params, body }) => previewAlert({ ctx, input: { ...params, audience: body?.audience } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/submit', tags, summary: 'Submit a draft for approval (texts per channel and a non-empty audience required)', policy: write,
    params: IdParams, body: VersionedInput, response: Alert,
    handler: ({ ctx, params, body }) => submitAlert({ ctx, input: { ...body, ...params } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/return-to-draft', tags, summary: 'Take an alert in review or approved back to draft', policy: write,
    params: IdParams, body: VersionedInput, response: Alert,
    handler: ({ ctx, params, body }) => returnAlertToDraft({ ctx, input: { ...body, ...params } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/:id/approve', tags, summary: 'Approve (two-person rule: 403 self_approval; a second approval: 409 already_approved)', policy: approve,
    params: IdParams, body: VersionedInput, response: Alert,
    handler: ({ ctx, params, body }) => approveAlert({ ctx, input: { ...body, ...params } }),
  }),
];

import { IdParams, Ok } from '../../../contracts/common.ts';
import { OnCallNow, OnCallQuery, Override, OverrideInput, Schedule, ScheduleQuery, Shift, ShiftInput, ShiftPatch } from '../../../contracts/hotline-shifts.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { hotlineResponderRoutes } from './responders.routes.ts';
import { getOnCallNow } from './shift-on-call-now.ts';
import { createOverride, deleteOverride } from './shift-overrides.ts';
import { createShift, deleteShift, getSchedule, updateShift } from './shift-schedule.ts';

const tags = ['hotline'];

/** On-call schedules: recurring shifts and overrides (coordinators), the schedule and who is on call now (everyone on the hotline). */
const shiftRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/shifts', tags, summary: 'Recurring shifts, overrides and the concrete on-call intervals for the next days',
    policy: { action: 'hotline.respond' }, query: ScheduleQuery, response: Schedule,
    handler: ({ ctx, query }) => getSchedule({ ctx, input: query }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/shifts', tags, summary: 'Add a weekly recurring shift',
    policy: { action: 'hotline.coordinate' }, body: ShiftInput, response: Shift, status: 201,
    handler: ({ ctx, body }) => createShift({ ctx, input: body }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/hotline/shifts/:id', tags, summary: 'Change a recurring shift',
    policy: { action: 'hotline.coordinate' }, params: IdParams, body: ShiftPatch, response: Shift,
    handler: ({ ctx, params, body }) => updateShift({ ctx, input: { ...body, id: params.id } }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/hotline/shifts/:id', tags, summary: 'Remove a recurring shift',
    policy: { action: 'hotline.coordinate' }, params: IdParams, response: Ok,
    handler: ({ ctx, params }) => deleteShift({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/shift-overrides', tags, summary: 'Put someone on call (on) or take them off (off) for a stretch of time',
    policy: { action: 'hotline.coordinate' }, body: OverrideInput, response: Override, status: 201,
    handler: ({ ctx, body }) => createOverride({ ctx, input: body }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/hotline/shift-overrides/:id', tags, summary: 'Remove an override',
    policy: { action: 'hotline.coordinate' }, params: IdParams, response: Ok,
    handler: ({ ctx, params }) => deleteOverride({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/on-call', tags, summary: 'Who is on call now (or at `at`), by role and language, and the languages nobody covers',
    policy: { action: 'hotline.respond' }, query: OnCallQuery, response: OnCallNow,
    handler: ({ ctx, query }) => getOnCallNow({ ctx, input: query }),
  }),
];

export const hotlineShiftRoutes = [...shiftRoutes, ...hotlineResponderRoutes];

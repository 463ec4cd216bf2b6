import { z } from 'zod';
import { IdParams, Ok } from '../../../contracts/common.ts';
import { CalendarLink, Override, Responder, ResponderInput, ResponderList, TimeOffInput, UserIdParams } from '../../../contracts/hotline-shifts.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { renderCalendarFeed, revokeCalendarLink, rotateCalendarLink } from './ical-feed.ts';
import { deactivateResponder, listResponders, upsertMyResponder, upsertResponder } from './responders.ts';
import { createMyTimeOff, deleteMyTimeOff } from './shift-overrides.ts';

const tags = ['hotline'];

/** Responder profiles, a responder's own time off and calendar link, and the calendar feed itself. */
export const hotlineResponderRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/responders', tags, summary: 'Hotline responder profiles (phones only to coordinators and the responder)',
    policy: { action: 'hotline.respond' }, response: ResponderList,
    handler: ({ ctx }) => listResponders({ ctx }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/hotline/responders/me', tags, summary: 'Create or change my responder profile (languages, phone)',
    policy: { action: 'hotline.respond' }, body: ResponderInput, response: Responder,
    handler: ({ ctx, body }) => upsertMyResponder({ ctx, input: body }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/hotline/responders/:userId', tags, summary: "Create or change a member's responder profile",
    policy: { action: 'hotline.coordinate' }, params: UserIdParams, body: ResponderInput, response: Responder,
    handler: ({ ctx, params, body }) => upsertResponder({ ctx, input: { ...body, userId: params.userId } }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/hotline/responders/:userId', tags, summary: 'Take a responder off the hotline (shifts kept, calendar link revoked)',
    policy: { action: 'hotline.coordinate' }, params: UserIdParams, response: Ok,
    handler: ({ ctx, params }) => deactivateResponder({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/responders/me/calendar-link', tags, summary: 'Make a new secret calendar URL for my shifts (shown once; the old one stops working)',
    policy: { action: 'hotline.respond' }, response: CalendarLink,
    handler: ({ ctx }) => rotateCalendarLink({ ctx }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/hotline/responders/me/calendar-link', tags, summary: 'Revoke my calendar URL',
    policy: { action: 'hotline.respond' }, response: Ok,
    handler: ({ ctx }) => revokeCalendarLink({ ctx }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/hotline/responders/me/time-off', tags, summary: 'Mark myself away (an off override)',
    policy: { action: 'hotline.respond' }, body: TimeOffInput, response: Override, status: 201,
    handler: ({ ctx, body }) => createMyTimeOff({ ctx, input: body }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/hotline/responders/me/time-off/:id', tags, summary: 'Remove time off I entered for myself',
    policy: { action: 'hotline.respond' }, params: IdParams, response: Ok,
    handler: ({ ctx, params }) => deleteMyTimeOff({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/p/hotline/ical/:token.ics', tags: ['public'], summary: "A responder's shifts as iCalendar (the secret URL is the credential)",
    policy: { public: true }, params: z.object({ token: z.string().min(1).max(200) }), response: z.string().meta({ description: 'text/calendar' }),
    handler: async ({ ctx, params, reply }) => {
      const body = await renderCalendarFeed({ ctx, input: { token: params.token } });
      // no-store and no-referrer: the URL is a secret
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (body === null) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return reply.code(200).type('text/calendar; charset=utf-8').send(body);
    },
  }),
];

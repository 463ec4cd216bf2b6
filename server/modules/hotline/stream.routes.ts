import { z } from 'zod';
import { requireOrg } from '../../platform/db-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { streamEvents } from '../../platform/realtime/sse.ts';

/**
 * The hotline inbox's live feed: Server-Sent Events for the caller's current org, topics
 * `hotline.*` only. Events are hints ({ id, change }); the inbox refetches what it shows on
 * `ready` (every connection), on `resync`, and for the conversation an event names.
 */
export const hotlineStreamRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/hotline/stream', tags: ['hotline'],
    summary: 'Server-Sent Events (text/event-stream) of hotline changes in the current organization; send Accept: text/event-stream',
    policy: { action: 'hotline.respond' },
    response: z.string().describe('text/event-stream: `event: ready`, then `id:` + `data: {"id","topic","data"}` per change, `event: resync` after a gap'),
    handler: async ({ ctx, req, reply }) => {
      const orgId = requireOrg(ctx);
      await streamEvents(req, reply, ctx.deps.realtime, { orgId, topicPrefix: 'hotline.' });
      return '';
    },
  }),
];

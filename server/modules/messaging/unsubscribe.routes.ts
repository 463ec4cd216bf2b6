import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { confirmPage, donePage, errorPage } from './unsubscribe-page.ts';
import { readUnsubscribeToken, unsubscribe, unsubscribeOrgName } from './unsubscribe.ts';

/**
 * The link in every outbox email (List-Unsubscribe and the footer). Public: whoever holds
 * the signed token may stop that one address's email from that org on that topic, which
 * is all the token can do.
 */
const tags = ['public'];
const Params = z.object({ token: z.string().min(1).max(1000) });
// Sent here rather than returned: mountRoutes would set the route's one success status on a returned value,
// and the error page needs its 400 (the integration test checks it arrives).
const html = (reply: FastifyReply, status: number, body: string) =>
  // no-store: the page is about one person's address; referrer: the token is in the URL
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(body);

const showRoute = defineRoute({
  method: 'GET', url: '/p/unsubscribe/:token', policy: { public: true }, tags, summary: 'Unsubscribe confirmation page (changes nothing)',
  params: Params, response: z.string().meta({ description: 'HTML page' }),
  handler: async ({ ctx, params, reply }) => {
    let payload;
    try {
      payload = readUnsubscribeToken(ctx, params.token);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // a person opened this in a browser: a page in their language, not a JSON error
      return html(reply, 400, errorPage(ctx.lang, t(ctx.lang, `errors.${err.code}`)));
    }
    const org = await unsubscribeOrgName(ctx, payload.orgId);
    return html(reply, 200, confirmPage(payload.lang, org, `/p/unsubscribe/${params.token}`));
  },
});

/**
 * RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click` (form-encoded or
 * multipart) with no cookies; the confirmation page's button POSTs `source=page`. Either
 * way the opt-out is recorded before we answer.
 */
const Body = z.looseObject({ 'List-Unsubscribe': z.string().max(100).optional(), source: z.string().max(20).optional() }).optional();

const unsubscribeRoute = defineRoute({
  method: 'POST', url: '/p/unsubscribe/:token', policy: { public: true }, tags, summary: 'Unsubscribe (RFC 8058 one-click, or the confirmation page)',
  params: Params, body: Body, response: z.string(),
  handler: async ({ ctx, params, body, reply }) => {
    const method = body?.source === 'page' ? 'page' : 'one_click';
    const result = await unsubscribe({ ctx, input: { token: params.token, method } });
    if (method === 'one_click') return reply.code(200).type('text/plain; charset=utf-8').send('unsubscribed');
    return html(reply, 200, donePage(result.lang, await unsubscribeOrgName(ctx, result.orgId)));
  },
});

export const unsubscribeRoutes = [showRoute, unsubscribeRoute];

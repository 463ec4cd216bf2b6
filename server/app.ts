import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from './platform/context.ts';
import { parseFormBody } from './integrations/sms/sms-webhook-payloads.ts';
import { errorHandler } from './platform/http/error-handler.ts';
import { denyRoutesWithoutPolicy, installAuth, mountRoutes } from './platform/http/mount.ts';
import { defineRoute, type RouteDef } from './platform/http/route.ts';
import { loggerOptions } from './platform/logging.ts';
import { authRoutes, createResolveAuth } from './modules/auth/index.ts';
import { auditLogRoutes } from './modules/audit-log/index.ts';
import { organizationRoutes } from './modules/organizations/index.ts';
import { peopleRoutes } from './modules/people/index.ts';
import { messagingStaffRoutes, registerUnsubscribeMultipart, unsubscribeRoutes, webhookRoutes } from './modules/messaging/index.ts';
import { simulatorRoutes } from './modules/simulator/index.ts';
import { hotlineStreamRoutes } from './modules/hotline/stream.routes.ts';
import { hotlineShiftRoutes } from './modules/hotline/shifts.routes.ts';
import { hotlineVoiceRoutes } from './modules/hotline/voice.routes.ts';
import { hotlineAdminRoutes } from './modules/hotline/hotline-admin.routes.ts';
import { hotlineTransferRoutes } from './modules/hotline/transfers.routes.ts';
import { hotlineRoutes } from './modules/hotline/index.ts';
import { caseRoutes } from './modules/cases/index.ts';
import { caseDocumentRoutes } from './modules/cases/case-documents.routes.ts';
import { registerDocumentUploads } from './modules/cases/case-documents-upload.ts';
import { caseReportRoutes } from './modules/cases/case-reports.routes.ts';
import { dacaRoutes } from './modules/cases/daca.routes.ts';
import { caseSettingsRoutes } from './modules/cases/cases-settings.routes.ts';
import { screeningRoutes } from './modules/cases/screening.routes.ts';
import { directoryRoutes } from './modules/legal-network/directory.routes.ts';
import { portalRoutes, referralRoutes } from './modules/legal-network/index.ts';
import { alertComposeRoutes, alertSendingRoutes, alertSettingsRoutes, publicAlertRoutes, registerCsvBody, subscriberRoutes } from './modules/alerts/index.ts';
import { installSse } from './platform/realtime/sse.ts';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

const healthRoute = defineRoute({
  method: 'GET', url: '/healthz', tags: ['operations'], summary: '200 when the database answers',
  policy: { public: true }, response: z.object({ status: z.literal('ok'), database: z.string() }),
  handler: async ({ ctx }) => {
    await ctx.deps.database.query('select 1');
    return { status: 'ok' as const, database: ctx.deps.database.kind };
  },
});

/** Every API route of every module; the policy test walks this list and the mounted routes. */
export const allRoutes: RouteDef<any, any, any, any>[] = [healthRoute, ...authRoutes, ...organizationRoutes, ...peopleRoutes, ...auditLogRoutes, ...webhookRoutes, ...messagingStaffRoutes, ...unsubscribeRoutes, ...simulatorRoutes, ...hotlineStreamRoutes, ...hotlineVoiceRoutes, ...hotlineAdminRoutes, ...hotlineTransferRoutes, ...hotlineShiftRoutes, ...hotlineRoutes, ...caseReportRoutes, ...caseRoutes, ...caseDocumentRoutes, ...dacaRoutes, ...caseSettingsRoutes, ...screeningRoutes, ...directoryRoutes, ...referralRoutes, ...portalRoutes, ...alertComposeRoutes, ...alertSettingsRoutes, ...alertSendingRoutes, ...subscriberRoutes, ...publicAlertRoutes];

/**
 * Paths served outside the policy system: the OpenAPI document and page, and the web app's
 * static files (GET of a file name, never under /api/ or /webhooks/).
 */
const UNPOLICED = [/^\/api\/docs/, /^\/api\/openapi\.json$/, /^\/$/, /^\/(?!api\/|webhooks\/)[^?]*\.[a-zA-Z0-9]+$/];

export async function buildApp(deps: Deps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(deps.config.LOG_LEVEL),
    bodyLimit: 256 * 1024,
    // signed links carry their payload in the path (/p/unsubscribe/:token is ~200–700 characters); the default is 100
    routerOptions: { maxParamLength: 1000 },
    trustProxy: deps.config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  denyRoutesWithoutPolicy(app, UNPOLICED);

  await app.register(cookie);
  // Twilio's webhooks and RFC 8058 one-click unsubscribes are form posts.
  // Parsed strictly (UTF-8 only, no repeated fields, no control characters): a signature over an ambiguous body means nothing.
  await app.register(formbody, { parser: (body) => parseFormBody(body) });
  registerUnsubscribeMultipart(app);
  // A document upload's body is the file itself, in any type; every other route still refuses such bodies.
  registerDocumentUploads(app);
  // A subscriber import's body is the CSV file's bytes (the import detects UTF-8 or EUC-KR itself).
  registerCsvBody(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Haven API', version: '1', description: 'Haven JSON API. Sessions by cookie (with X-CSRF-Token on changes) or scoped bearer tokens.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'haven_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installAuth(app, createResolveAuth(deps));
  installSse(app);
  mountRoutes(app, deps, allRoutes);

  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  }
  // Client-side routes (e.g. /people/123) get the app shell; unknown API paths get a JSON 404.
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/webhooks/') && fs.existsSync(path.join(webDist, 'index.html'))) {
      return reply.type('text/html').send(fs.createReadStream(path.join(webDist, 'index.html')));
    }
    return reply.status(404).send({ error: { code: 'not_found', message: 'Not found.', requestId: String(req.id) } });
  });
  // The simulator in this process hands its webhooks straight to this app (signed as for the public URL).
  const injectHook = async (hook: { url: string; params: Record<string, string>; signature: string }) => {
    const u = new URL(hook.url);
    const res = await app.inject({
      method: 'POST',
      url: u.pathname + u.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': hook.signature },
      payload: new URLSearchParams(hook.params).toString(),
    });
    return { status: res.statusCode, body: res.body };
  };
  deps.localWebhookResponse = injectHook;
  deps.localWebhooks = async (hook) => {
    const res = await injectHook(hook);
    if (res.status >= 400) throw new Error(`webhook ${new URL(hook.url).pathname} answered ${res.status}`);
  };
  return app;
}

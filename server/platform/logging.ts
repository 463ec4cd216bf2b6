import type { FastifyServerOptions } from 'fastify';

/**
 * Structured JSON logs with personal data kept out: credentials and cookies are redacted,
 * and requests are logged by route pattern, never by URL (a query string can carry a
 * name or a phone number).
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.phone',
  '*.email',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, route: req.routeOptions?.url ?? 'unmatched', ip: req.ip }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  };
}

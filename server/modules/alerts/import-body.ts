import type { FastifyInstance } from 'fastify';
import { checkPolicy } from '../../platform/http/mount.ts';

/**
 * Subscriber imports arrive as the CSV file's bytes (text/csv). Kept as bytes, not text:
 * the import decides the encoding itself (UTF-8 or EUC-KR, import-csv.ts), which a
 * charset-guessing text parser would get wrong for Korean Excel files. Who may call is
 * checked before a byte is read, and the route's bodyLimit (5 MB) gives a 413 past it.
 *
 * This parser takes text/csv for every route, so a case document that is a CSV file still
 * reaches the document upload as its bytes (that route checks what it gets); a route that
 * expects JSON answers a CSV with its validation error.
 */
export function registerCsvBody(app: FastifyInstance) {
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer' }, (req, body, done) => {
    const policy = req.routeOptions.config?.policy;
    try {
      if (policy) checkPolicy(req, policy);
    } catch (e) {
      return done(e as Error, undefined);
    }
    done(null, body);
  });
}

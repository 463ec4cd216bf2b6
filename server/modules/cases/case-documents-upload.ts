import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DOCUMENT_MAX_BYTES } from '../../../contracts/case-documents.ts';
import { AppError } from '../../platform/errors.ts';
import { checkPolicy } from '../../platform/http/mount.ts';

export const DOCUMENT_UPLOAD_URL = '/api/v1/cases/:id/documents';

const unsupported = () => Object.assign(new Error('unsupported media type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
export const documentTooLarge = () => new AppError('document_too_large', 413, { megabytes: DOCUMENT_MAX_BYTES / (1024 * 1024) }, 'file');

/**
 * A document upload's body is the file itself, in whatever type the browser or phone says it
 * is (or none): the route checks the bytes, not the label (case-documents-type.ts). So the
 * upload route takes any Content-Type other than JSON and forms, read as raw bytes; every
 * other route keeps answering 415 to such bodies, as before.
 *
 * Who may call is checked before a byte is read (a caller without cases.write learns nothing
 * and costs nothing), and the route's bodyLimit is enforced here with a translated 413 naming
 * the 10 MB limit (Fastify's own limit does not apply to a streaming parser like this one).
 */
export function registerDocumentUploads(app: FastifyInstance) {
  app.addContentTypeParser('*', (req: FastifyRequest, payload, done) => {
    if (req.is404) return done(null, undefined);
    if (req.method !== 'POST' || req.routeOptions.url !== DOCUMENT_UPLOAD_URL) return done(unsupported(), undefined);
    const policy = req.routeOptions.config.policy;
    if (!policy) return done(unsupported(), undefined);
    try {
      checkPolicy(req, policy);
    } catch (e) {
      return done(e as Error, undefined);
    }
    const limit = req.routeOptions.bodyLimit;
    if (Number(req.headers['content-length']) > limit) return done(documentTooLarge(), undefined);

    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onEnd);
    };
    function onData(chunk: Buffer | string) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += buf.length;
      if (received > limit) {
        stop();
        return done(documentTooLarge(), undefined);
      }
      chunks.push(buf);
    }
    function onEnd(err?: Error) {
      stop();
      if (err) return done(Object.assign(err, { statusCode: 400 }), undefined);
      done(null, Buffer.concat(chunks, received));
    }
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onEnd);
    payload.resume();
  });
}

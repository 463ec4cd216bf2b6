import type { FastifyInstance } from 'fastify';

/**
 * RFC 8058 says the one-click POST SHOULD be multipart/form-data (form-encoded MAY), so the
 * unsubscribe URL accepts it; everywhere else multipart stays unsupported (415), as before.
 * Only small text fields are read: the token in the URL is what decides.
 */
export function registerUnsubscribeMultipart(app: FastifyInstance) {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 16 * 1024 }, (req, body, done) => {
    if (!req.url.startsWith('/p/unsubscribe/')) {
      return done(Object.assign(new Error('unsupported media type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), undefined);
    }
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(String(req.headers['content-type']));
    done(null, boundary ? parseMultipartFields(String(body), boundary[1] ?? boundary[2]) : {});
  });
}

/** Text fields of a multipart/form-data body (RFC 7578); file parts and repeats are ignored. */
export function parseMultipartFields(body: string, boundary: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const name = /content-disposition:\s*form-data;[^\r\n]*\bname="([^"]*)"/i.exec(head)?.[1];
    if (!name || /filename=/i.test(head) || Object.hasOwn(out, name)) continue;
    out[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return out;
}

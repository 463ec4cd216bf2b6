import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { fieldLabel, type Lang, t } from '../i18n/i18n.ts';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; requestId?: string };
}

interface ZodIssueLike {
  code: string;
  path: (string | number)[];
  expected?: string;
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  keys?: string[];
  message?: string;
}

/** One Zod issue → "Check the field “given name”: it is required", in the request's language. */
export function describeIssue(lang: Lang, issue: ZodIssueLike, where?: string): { field: string; message: string } {
  const path = issue.path.map(String).join('.') || where || 'body';
  let problemKey = issue.code;
  const params: Record<string, string | number> = {};
  // Zod 4 does not echo the input; "received undefined" is how it says a field is missing.
  if (issue.code === 'invalid_type' && (issue.message ?? '').includes('received undefined')) problemKey = 'required';
  if (issue.code === 'invalid_type') params.expected = issue.expected ?? '';
  if (issue.minimum !== undefined) params.minimum = Number(issue.minimum);
  if (issue.maximum !== undefined) params.maximum = Number(issue.maximum);
  if (issue.values) params.options = issue.values.map(String).join(', ');
  if (issue.keys) params.keys = issue.keys.join(', ');
  if (!['required', 'invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'unrecognized_keys'].includes(problemKey)) {
    problemKey = 'custom';
  }
  const problem = t(lang, `problems.${problemKey}`, params);
  return { field: path, message: t(lang, 'errors.validation', { field: fieldLabel(lang, path), problem }) };
}

/**
 * The one place errors become HTTP. Known errors keep their status and get a translated
 * message; anything unexpected is logged and answered with a plain 500 (never a stack).
 */
export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = (req.lang ?? 'en') as Lang;
  const requestId = String(req.id);
  const send = (status: number, code: string, message: string, field?: string) =>
    reply.status(status).send({ error: { code, message, ...(field ? { field } : {}), requestId } } satisfies ErrorBody);

  if (error instanceof AppError) {
    if (error.code === 'rate_limited' && error.params.seconds) reply.header('retry-after', String(error.params.seconds));
    const params = { ...error.params };
    if (error.field) params.field = fieldLabel(lang, error.field);
    return send(error.status, error.code, t(lang, `errors.${error.code}`, params), error.field);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0] as unknown as { keyword: string; instancePath: string; message: string; params: Record<string, unknown> };
    const issue: ZodIssueLike = {
      ...(first.params as Partial<ZodIssueLike>),
      code: first.keyword,
      message: first.message,
      path: first.instancePath.split('/').filter(Boolean),
    };
    const { field, message } = describeIssue(lang, issue, error.validationContext);
    return send(400, 'validation', message, field);
  }
  if (isResponseSerializationError(error)) {
    req.log.error({ err: { message: error.message, issues: error.cause?.issues } }, 'response did not match its schema');
    return send(500, 'internal', t(lang, 'errors.internal'));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(400, 'bad_json', t(lang, 'errors.bad_json'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, 'empty_body', t(lang, 'errors.empty_body'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, 'payload_too_large', t(lang, 'errors.payload_too_large'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, 'unsupported_media_type', t(lang, 'errors.unsupported_media_type'));
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return send(400, 'bad_json', t(lang, 'errors.bad_json'));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(error.statusCode, 'bad_request', t(lang, 'errors.bad_request'));
  }
  req.log.error({ err: error }, 'unhandled error');
  return send(500, 'internal', t(lang, 'errors.internal'));
}

/**
 * Typed application errors. Modules throw these (or their own subclasses with their own
 * codes); platform/http/error-handler.ts maps them to HTTP in one place and translates
 * the message with the key `errors.<code>`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    /** The input field at fault, when there is one (named in the message). */
    readonly field?: string,
  ) {
    super(code);
  }
}

export const notFound = (entity = 'record') => new AppError('not_found', 404, { entity });
export const forbidden = () => new AppError('forbidden', 403);
export const unauthorized = () => new AppError('unauthorized', 401);
export const conflict = (code = 'conflict', params: Record<string, string | number> = {}, field?: string) =>
  new AppError(code, 409, params, field);
export const invalid = (code: string, field?: string, params: Record<string, string | number> = {}) =>
  new AppError(code, 400, params, field);

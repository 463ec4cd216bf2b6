import i18next from 'i18next';
import type { ErrorResponse } from '../../../contracts/common.ts';

/** An error answer from the API; `message` is already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly requestId?: string;

  constructor(status: number, body: ErrorResponse['error']) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.requestId = body.requestId;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// The session's CSRF token. Kept here rather than read from a cookie because the session
// cookie is httpOnly; whoever receives a SessionInfo hands its token over (see session.ts).
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** Empty values are left out, so callers can pass form state as it is. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Current UI language, so that server messages come back in the same language as the page. */
const uiLanguage = () => (i18next.resolvedLanguage ?? i18next.language ?? 'en').slice(0, 2);

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'x-haven-lang': uiLanguage() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network', message: i18next.t('common:errors.network') });
  }

  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (response.ok) return data as T;
  if (isErrorBody(data)) throw new ApiError(response.status, data.error);
  // Not our JSON (a proxy page, a crash before the error handler): say so plainly.
  throw new ApiError(response.status, { code: 'unexpected', message: i18next.t('common:errors.unexpected', { status: response.status }) });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(data: unknown): data is ErrorResponse {
  const error = (data as ErrorResponse | undefined)?.error;
  return typeof error?.code === 'string' && typeof error?.message === 'string';
}

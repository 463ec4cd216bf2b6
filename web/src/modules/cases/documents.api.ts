import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import type { CaseDocument, CaseDocumentList } from '../../../../contracts/case-documents.ts';
import type { ErrorResponse, Ok } from '../../../../contracts/common.ts';
import { api, ApiError } from '../../lib/api.ts';
import { caseKeys } from './cases.api.ts';

/** Under the case's own key: an upload or removal re-reads the case (its timeline) and the list together. */
export const documentKeys = {
  list: (caseId: string) => ['cases', 'detail', caseId, 'documents'] as const,
};

const seg = encodeURIComponent;
const base = (caseId: string) => `/api/v1/cases/${seg(caseId)}/documents`;

export const documentsApi = {
  list: (caseId: string, signal?: AbortSignal) => api<CaseDocumentList>(base(caseId), { signal }),
  /** A plain link: the server answers with the file as an attachment (the session cookie is enough for a GET). */
  downloadUrl: (caseId: string, docId: string) => `${base(caseId)}/${seg(docId)}`,
  remove: (caseId: string, docId: string) => api<Ok>(`${base(caseId)}/${seg(docId)}`, { method: 'DELETE' }),
};

export interface UploadOptions {
  csrfToken: string | null;
  /** 0–1 as the bytes leave the browser. */
  onProgress?: (fraction: number) => void;
}

/**
 * The file goes as the raw body (not a form), its name percent-encoded in the query. XHR, not
 * fetch: only XHR reports upload progress, and a 10 MB scan on a phone's connection takes a while.
 * Errors come back as ApiError with the server's translated message, like api().
 */
export function uploadDocument(caseId: string, file: File, { csrfToken, onProgress }: UploadOptions): Promise<CaseDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base(caseId)}?name=${seg(file.name)}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('x-haven-lang', (i18next.resolvedLanguage ?? i18next.language ?? 'en').slice(0, 2));
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as CaseDocument);
      const error = (data as ErrorResponse | undefined)?.error;
      if (typeof error?.code === 'string' && typeof error?.message === 'string') return reject(new ApiError(xhr.status, error));
      reject(new ApiError(xhr.status, { code: 'unexpected', message: i18next.t('common:errors.unexpected', { status: xhr.status }) }));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: i18next.t('common:errors.network') }));
    xhr.send(file);
  });
}

/** Listing opens the names and is audited on the server: read with the case, not on window focus. */
export function useCaseDocuments(caseId: string) {
  return useQuery({ queryKey: documentKeys.list(caseId), queryFn: ({ signal }) => documentsApi.list(caseId, signal), staleTime: 5 * 60_000, refetchOnWindowFocus: false });
}

/** Upload or remove; then the case (timeline) and its documents are read again. */
export function useDocumentChange<TInput, TResult>(caseId: string, fn: (input: TInput) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

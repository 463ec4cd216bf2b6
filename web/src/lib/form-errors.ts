import { useEffect, type RefObject } from 'react';
import { isApiError } from './api.ts';

export interface SplitError {
  /** Messages to show beside the inputs they concern. */
  fields: Record<string, string>;
  /** A message about the form as a whole (or about a field this form does not show). */
  form: string | null;
}

/**
 * Place an error where the user will look for it: beside the input the server named, or
 * above the form when the server named no field (or one the form does not have).
 */
export function splitError(error: unknown, knownFields: readonly string[]): SplitError {
  if (!error) return { fields: {}, form: null };
  if (isApiError(error) && error.field && knownFields.includes(error.field)) {
    return { fields: { [error.field]: error.message }, form: null };
  }
  return { fields: {}, form: error instanceof Error ? error.message : String(error) };
}

/** After a failed submit, move focus to the first invalid input so keyboard and screen reader users land on it. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [error, formRef]);
}

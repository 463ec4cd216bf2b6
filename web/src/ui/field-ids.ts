import { useId } from 'react';

/** Ids that tie an input to its hint and error text (aria-describedby). */
export function useFieldIds(explicitId?: string, hint?: unknown, error?: unknown) {
  const generated = useId();
  const id = explicitId ?? `f${generated.replace(/:/g, '')}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

import type { ReactNode } from 'react';
import { FieldMessages } from './FieldMessages.tsx';
import { useFieldIds } from './field-ids.ts';

/** A group of inputs under one legend (checkbox groups, form sections). */
export function Fieldset({ legend, hint, error, className, children }: { legend: ReactNode; hint?: ReactNode; error?: ReactNode; className?: string; children: ReactNode }) {
  const { hintId, errorId, describedBy } = useFieldIds(undefined, hint, error);
  return (
    <fieldset className={['fieldset', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend className="fieldset__legend">{legend}</legend>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {children}
    </fieldset>
  );
}

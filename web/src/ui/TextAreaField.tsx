import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages.tsx';
import { useFieldIds } from './field-ids.ts';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  requiredText?: string;
}

/** A labelled multi-line input, with hint and error tied to it like TextField's. */
export function TextAreaField({ label, hint, error, requiredText, id: explicitId, className, ...area }: TextAreaFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {requiredText ? <span className="field__required"> ({requiredText})</span> : null}
      </label>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <textarea {...area} id={id} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
    </div>
  );
}

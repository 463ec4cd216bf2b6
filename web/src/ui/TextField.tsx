import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldMessages } from './FieldMessages.tsx';
import { useFieldIds } from './field-ids.ts';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Marks the field as required in the label (text, not only an asterisk). */
  requiredText?: string;
}

export function TextField({ label, hint, error, requiredText, id: explicitId, className, ...input }: TextFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {requiredText ? <span className="field__required"> ({requiredText})</span> : null}
      </label>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <input {...input} id={id} className="field__input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
    </div>
  );
}

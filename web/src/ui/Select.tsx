import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages.tsx';
import { useFieldIds } from './field-ids.ts';

export interface SelectOption {
  value: string;
  label: string;
  /** Language of the label, e.g. "한국어" inside an English page, so screen readers pronounce it right. */
  lang?: string;
  disabled?: boolean;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode;
  options: SelectOption[];
  hint?: ReactNode;
  error?: ReactNode;
  /** Visually hide the label (it stays the accessible name). For compact toolbars only. */
  hideLabel?: boolean;
}

export function Select({ label, options, hint, error, hideLabel, id: explicitId, className, ...select }: SelectProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <select {...select} id={id} className="field__input field__select" aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFieldIds } from './field-ids.ts';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  hint?: ReactNode;
}

/** A checkbox whose whole label row is the 44 px touch target. */
export function Checkbox({ label, hint, id: explicitId, className, ...input }: CheckboxProps) {
  // The hint sits inside the label, so it is part of the accessible name already.
  const { id } = useFieldIds(explicitId);
  return (
    <div className={['checkbox', className].filter(Boolean).join(' ')}>
      <input {...input} type="checkbox" id={id} />
      <label htmlFor={id}>
        <span className="checkbox__label">{label}</span>
        {hint ? (
          <span className="checkbox__hint">
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

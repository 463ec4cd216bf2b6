import { useTranslation } from 'react-i18next';
import type { ScreeningField } from '../../../../contracts/screening.ts';
import { Button } from '../../ui/Button.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { localized, type UiLang } from './screening-form.ts';

interface Props {
  field: ScreeningField;
  lang: UiLang;
  value: string;
  error?: string;
  /** Unique per case, so two panels never share radio names or ids. */
  idPrefix: string;
  onChange: (value: string) => void;
}

/**
 * One question of a screening form, drawn from its definition: the label and help come from
 * the form (in the page's language), only the chrome (required, yes/no, choose) from the
 * locale files. Yes/no is a pair of large radio rows, not a checkbox, so "not answered"
 * stays distinguishable from "no".
 */
export function ScreeningFieldInput({ field: f, lang, value, error, idPrefix, onChange }: Props) {
  const { t } = useTranslation('cases');
  const label = localized(f.labels, lang) ?? f.key;
  const hintText = [localized(f.help, lang), f.sensitive ? t('screening.sensitiveHint') : undefined].filter(Boolean).join(' ');
  const hint = hintText || undefined;
  const id = `${idPrefix}-${f.key}`;
  const name = `answers.${f.key}`;

  if (f.kind === 'yes_no' || (f.kind === 'choice' && (f.choices?.length ?? 0) <= 3)) {
    const options =
      f.kind === 'yes_no'
        ? [{ value: 'yes', label: t('screening.yes') }, { value: 'no', label: t('screening.no') }]
        : (f.choices ?? []).map((c) => ({ value: c.value, label: localized(c.labels, lang) ?? c.value }));
    return (
      <Fieldset legend={<>{label}{f.required ? <span className="field__required"> ({t('required', { ns: 'common' })})</span> : null}</>} hint={hint} error={error} className="screening-field screening-field--radios">
        <div className="screening-radios">
          {options.map((o) => (
            <div className="checkbox" key={o.value}>
              <input type="radio" id={`${id}-${o.value}`} name={`${id}`} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} aria-invalid={error ? true : undefined} />
              <label htmlFor={`${id}-${o.value}`}>
                <span className="checkbox__label">{o.label}</span>
              </label>
            </div>
          ))}
          {!f.required && value ? (
            <Button variant="quiet" className="screening-clear" onClick={() => onChange('')}>
              {t('screening.clear')}
            </Button>
          ) : null}
        </div>
      </Fieldset>
    );
  }

  if (f.kind === 'choice') {
    const options = [{ value: '', label: t('screening.choose') }, ...(f.choices ?? []).map((c) => ({ value: c.value, label: localized(c.labels, lang) ?? c.value }))];
    return (
      <Select
        id={id}
        name={name}
        className="screening-field"
        label={<>{label}{f.required ? <span className="field__required"> ({t('required', { ns: 'common' })})</span> : null}</>}
        hint={hint}
        error={error}
        options={options}
        value={value}
        required={f.required}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }

  return (
    <TextField
      id={id}
      name={name}
      className="screening-field"
      type={f.kind === 'date' ? 'date' : 'text'}
      label={label}
      requiredText={f.required ? t('required', { ns: 'common' }) : undefined}
      hint={hint ?? (f.kind === 'a_number' ? t('screening.aNumberHint') : undefined)}
      error={error}
      value={value}
      required={f.required}
      maxLength={f.kind === 'text' ? 200 : f.kind === 'a_number' ? 12 : undefined}
      autoComplete="off"
      spellCheck={f.kind === 'text' ? undefined : false}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

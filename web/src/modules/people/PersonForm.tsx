import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isUiLanguage } from '../../app/i18n.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { PERSON_FIELDS, type PersonFormValues } from './person-form-values.ts';
import { SensitiveFieldset } from './SensitiveFieldset.tsx';
import { US_STATES } from './us-states.ts';

export interface PersonFormProps {
  initial: PersonFormValues;
  showSensitive: boolean;
  submitLabel: string;
  cancelTo: string;
  busy: boolean;
  error: unknown;
  /** Shown above the form in place of the plain error (e.g. an edit conflict with a reload button). */
  errorActions?: ReactNode;
  onSubmit: (values: PersonFormValues) => void;
}

/**
 * Create and edit share this form. autoComplete is off: the browser would otherwise offer
 * the staff member's own name and address for a community member's record.
 */
export function PersonForm({ initial, showSensitive, submitLabel, cancelTo, busy, error, errorActions, onSubmit }: PersonFormProps) {
  const { t } = useTranslation('people');
  const formRef = useRef<HTMLFormElement>(null);
  const [v, setV] = useState(initial);
  const errors = splitError(error, PERSON_FIELDS);
  useFocusFirstInvalid(formRef, error);

  const field = (name: keyof PersonFormValues) => ({
    name,
    value: v[name],
    onChange: (e: { target: { value: string } }) => setV((prev) => ({ ...prev, [name]: e.target.value })),
    error: errors.fields[name],
    autoComplete: 'off',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(v);
  };
  const required = t('required', { ns: 'common' });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="panel">
      {errors.form ? (
        <Alert tone="error" actions={errorActions}>
          {errors.form}
        </Alert>
      ) : null}
      <div className="form-grid">
        <TextField label={t('fields.givenName')} requiredText={required} {...field('givenName')} />
        <TextField label={t('fields.familyName')} {...field('familyName')} />
        <TextField label={t('fields.nameKo')} hint={t('form.nameKoHint')} lang="ko" {...field('nameKo')} />
        <TextField label={t('fields.otherNames')} hint={t('form.otherNamesHint')} {...field('otherNames')} />
        <TextField label={t('fields.phone')} hint={t('form.phoneHint')} type="tel" inputMode="tel" {...field('phone')} />
        <TextField label={t('fields.email')} type="email" inputMode="email" {...field('email')} />
        <Select
          label={t('fields.preferredLanguage')}
          {...field('preferredLanguage')}
          onChange={(e) => isUiLanguage(e.target.value) && setV((prev) => ({ ...prev, preferredLanguage: e.target.value as PersonFormValues['preferredLanguage'] }))}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
        />
        <Select label={t('fields.state')} {...field('state')} options={[{ value: '', label: t('form.noState') }, ...US_STATES.map((s) => ({ value: s, label: s }))]} />
        <TextField label={t('fields.zip')} hint={t('form.zipHint')} inputMode="numeric" {...field('zip')} />
        {showSensitive ? (
          <SensitiveFieldset>
            <div className="form-grid">
              <TextField label={t('fields.dateOfBirth')} type="date" {...field('dateOfBirth')} />
              <TextField label={t('fields.aNumber')} hint={t('form.aNumberHint')} {...field('aNumber')} />
              <TextField className="span-all" label={t('fields.immigrationStatus')} hint={t('form.immigrationStatusHint')} {...field('immigrationStatus')} />
            </div>
          </SensitiveFieldset>
        ) : null}
      </div>
      <div className="button-row">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        <ButtonLink to={cancelTo} variant="quiet">
          {t('actions.cancel', { ns: 'common' })}
        </ButtonLink>
      </div>
    </form>
  );
}

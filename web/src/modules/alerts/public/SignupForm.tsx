import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignupResult } from '../../../../../contracts/alert-subscribers.ts';
import type { AlertTopic, SignupInput } from '../../../../../contracts/alerts.ts';
import { currentLanguage, isUiLanguage, LANGUAGE_NAMES, LANGUAGES, type UiLanguage } from '../../../app/i18n.ts';
import { splitError, useFocusFirstInvalid } from '../../../lib/form-errors.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Fieldset } from '../../../ui/Fieldset.tsx';
import { Select } from '../../../ui/Select.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useSignup, useSignupOrg } from './alerts-public.api.ts';
import { ConsentText } from './ConsentText.tsx';
import { TopicChoices } from './TopicChoices.tsx';

const FIELDS = ['phone', 'email', 'zip', 'lang', 'topics'] as const;

interface Values {
  phone: string;
  email: string;
  zip: string;
  /** null: follows the page's language until the person picks one. */
  lang: UiLanguage | null;
  topics: AlertTopic[];
  website: string;
}
const EMPTY: Values = { phone: '', email: '', zip: '', lang: null, topics: ['general'], website: '' };

/** The sign-up form. The server checks every field and answers in the page's language; the page places the answer by its field. */
export function SignupForm({ onDone }: { onDone: (result: SignupResult) => void }) {
  const { t } = useTranslation('alerts-public');
  const formRef = useRef<HTMLFormElement>(null);
  const [v, setV] = useState<Values>(EMPTY);
  const signup = useSignup();
  const org = useSignupOrg(v.zip.trim());
  const errors = splitError(signup.error, FIELDS);
  useFocusFirstInvalid(formRef, signup.error);
  const lang = v.lang ?? currentLanguage();
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((s) => ({ ...s, [k]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: SignupInput = {
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
      zip: v.zip.trim(),
      lang,
      topics: v.topics,
      ...(v.website ? { website: v.website } : {}),
    };
    signup.mutate(input, { onSuccess: (result) => onDone(result) });
  };

  return (
    <form ref={formRef} className="form alerts-signup-form" onSubmit={submit} noValidate aria-labelledby="alerts-signup-title">
      <h2 id="alerts-signup-title" className="panel__title">{t('form.title')}</h2>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Fieldset legend={t('contact.legend')} hint={t('contact.hint')}>
        <TextField label={t('fields.phone')} type="tel" name="phone" inputMode="tel" autoComplete="tel" maxLength={30} value={v.phone} onChange={(e) => set('phone', e.target.value)} error={errors.fields.phone} />
        <TextField label={t('fields.email')} type="email" name="email" inputMode="email" autoComplete="email" maxLength={200} value={v.email} onChange={(e) => set('email', e.target.value)} error={errors.fields.email} />
      </Fieldset>
      <div className="form-grid">
        <TextField
          label={t('fields.zip')} hint={org.data ? t('fields.zipOrg', { org: org.data.name }) : t('fields.zipHint')} name="zip" inputMode="numeric" autoComplete="postal-code"
          maxLength={5} value={v.zip} onChange={(e) => set('zip', e.target.value.replace(/\D/g, ''))} error={errors.fields.zip}
        />
        <Select
          label={t('fields.lang')} hint={t('fields.langHint')} name="lang" value={lang}
          onChange={(e) => isUiLanguage(e.target.value) && set('lang', e.target.value)}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))} error={errors.fields.lang}
        />
      </div>
      <TopicChoices value={v.topics} onChange={(topics) => set('topics', topics)} error={errors.fields.topics} />
      {/* For robots only: people never see or reach it. */}
      <div className="alerts-trap" aria-hidden="true">
        <label htmlFor="alerts-website">{t('fields.website')}</label>
        <input id="alerts-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={v.website} onChange={(e) => set('website', e.target.value)} />
      </div>
      <ConsentText lang={lang} orgName={org.data?.name ?? null} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={signup.isPending}>{t('form.submit')}</Button>
      </div>
    </form>
  );
}

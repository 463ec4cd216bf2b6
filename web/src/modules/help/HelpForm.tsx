import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpRequestInput, HelpRequestResult } from '../../../../contracts/hotline.ts';
import { currentLanguage, isUiLanguage, LANGUAGE_NAMES, LANGUAGES, type UiLanguage } from '../../app/i18n.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { US_STATES } from '../people/us-states.ts';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useHelpRequest } from './help.api.ts';
import type { SentRequest } from './HelpConfirmation.tsx';

const FIELDS = ['name', 'phone', 'email', 'language', 'message', 'state', 'zip'] as const;
const MESSAGE_MAX = 2000;

interface Values {
  name: string;
  phone: string;
  email: string;
  /** null: follows the page's language until the person picks one. */
  language: UiLanguage | null;
  message: string;
  state: string;
  zip: string;
  wantsCall: boolean;
  website: string;
}
const EMPTY: Values = { name: '', phone: '', email: '', language: null, message: '', state: '', zip: '', wantsCall: false, website: '' };
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The help form. The server checks every field (one rule set, messages in the page's
 * language); the page only places its answer beside the field it names.
 */
export function HelpForm({ org, onSent }: { org: string | null; onSent: (result: HelpRequestResult, sent: SentRequest) => void }) {
  const { t } = useTranslation('help');
  const formRef = useRef<HTMLFormElement>(null);
  const [v, setV] = useState<Values>(EMPTY);
  const request = useHelpRequest();
  const errors = splitError(request.error, FIELDS);
  useFocusFirstInvalid(formRef, request.error);
  const language = v.language ?? currentLanguage();
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((s) => ({ ...s, [k]: value }));
  const required = t('required');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: HelpRequestInput = {
      ...(org ? { org } : {}),
      name: v.name,
      phone: orNull(v.phone),
      email: orNull(v.email),
      language,
      message: v.message,
      state: orNull(v.state),
      zip: orNull(v.zip),
      wantsCall: v.wantsCall,
      ...(v.website ? { website: v.website } : {}),
    };
    request.mutate(input, {
      onSuccess: (result) => {
        onSent(result, { language, phone: orNull(v.phone), email: orNull(v.email), wantsCall: v.wantsCall });
        setV(EMPTY);
      },
    });
  };

  return (
    <form ref={formRef} className="form help-form" onSubmit={submit} noValidate aria-labelledby="help-form-title">
      <h2 id="help-form-title" className="panel__title">
        {t('form.title')}
      </h2>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <TextField
        label={t('fields.name')}
        requiredText={required}
        name="name"
        autoComplete="name"
        maxLength={200}
        value={v.name}
        onChange={(e) => set('name', e.target.value)}
        error={errors.fields.name}
      />
      <Fieldset legend={t('contact.legend')} hint={t('contact.hint')}>
        <TextField
          label={t('fields.phone')}
          type="tel"
          name="phone"
          inputMode="tel"
          autoComplete="tel"
          maxLength={40}
          value={v.phone}
          onChange={(e) => set('phone', e.target.value)}
          error={errors.fields.phone}
        />
        <TextField
          label={t('fields.email')}
          type="email"
          name="email"
          inputMode="email"
          autoComplete="email"
          maxLength={320}
          value={v.email}
          onChange={(e) => set('email', e.target.value)}
          error={errors.fields.email}
        />
        <Checkbox label={t('fields.wantsCall')} hint={t('fields.wantsCallHint')} checked={v.wantsCall} onChange={(e) => set('wantsCall', e.target.checked)} />
      </Fieldset>
      <Select
        label={t('fields.language')}
        hint={t('fields.languageHint')}
        name="language"
        value={language}
        onChange={(e) => isUiLanguage(e.target.value) && set('language', e.target.value)}
        options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
        error={errors.fields.language}
      />
      <TextAreaField
        label={t('fields.message')}
        hint={t('fields.messageHint')}
        requiredText={required}
        name="message"
        rows={5}
        maxLength={MESSAGE_MAX}
        value={v.message}
        onChange={(e) => set('message', e.target.value)}
        error={errors.fields.message}
      />
      <div className="form-grid">
        <Select
          label={t('fields.state')}
          name="state"
          autoComplete="address-level1"
          value={v.state}
          onChange={(e) => set('state', e.target.value)}
          options={[{ value: '', label: t('fields.noState') }, ...US_STATES.map((s) => ({ value: s, label: s }))]}
          error={errors.fields.state}
        />
        <TextField
          label={t('fields.zip')}
          name="zip"
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={10}
          value={v.zip}
          onChange={(e) => set('zip', e.target.value)}
          error={errors.fields.zip}
        />
      </div>
      {/* For robots only: people never see or reach it; a filled one is quietly dropped by the server. */}
      <div className="help-trap" aria-hidden="true">
        <label htmlFor="help-website">{t('fields.website')}</label>
        <input id="help-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={v.website} onChange={(e) => set('website', e.target.value)} />
      </div>
      <p className="muted help-privacy">{t('form.privacy')}</p>
      <div className="button-row">
        <Button type="submit" variant="primary" busy={request.isPending}>
          {t('form.submit')}
        </Button>
      </div>
    </form>
  );
}

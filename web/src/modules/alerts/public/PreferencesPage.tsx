import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AlertTopic } from '../../../../../contracts/alerts.ts';
import { isUiLanguage, LANGUAGE_NAMES, LANGUAGES, type UiLanguage } from '../../../app/i18n.ts';
import { splitError, useFocusFirstInvalid } from '../../../lib/form-errors.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ButtonLink } from '../../../ui/ButtonLink.tsx';
import { Checkbox } from '../../../ui/Checkbox.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeading } from '../../../ui/PageHeading.tsx';
import { Select } from '../../../ui/Select.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { usePreferences, useSavePreferences } from './alerts-public.api.ts';
import { TopicChoices } from './TopicChoices.tsx';
import './alerts-public.css';

const FIELDS = ['lang', 'topics', 'zip'] as const;

/**
 * /p/alerts/preferences/:token, the signed link in every alert email: language, topics, ZIP,
 * or stop receiving alerts from this organization on this channel. Opening it changes nothing.
 */
export function PreferencesPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation('alerts-public');
  const current = usePreferences(token);
  const save = useSavePreferences(token);
  const formRef = useRef<HTMLFormElement>(null);
  const [lang, setLang] = useState<UiLanguage>('en');
  const [topics, setTopics] = useState<AlertTopic[]>([]);
  const [zip, setZip] = useState('');
  const [unsubscribe, setUnsubscribe] = useState(false);
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);

  useEffect(() => {
    if (!current.data) return;
    setLang(current.data.lang);
    setTopics(current.data.topics);
    setZip(current.data.zip ?? '');
    if (current.data.lang !== i18n.language) void i18n.changeLanguage(current.data.lang);
    // Only when the stored preferences arrive.
  }, [current.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ lang, topics, ...(zip ? { zip } : {}), unsubscribe });
  };
  const shown = save.data ?? current.data;

  return (
    <div className="alerts-public-page">
      <PageHeading title={t('preferences.title')} description={shown ? t('preferences.intro', { org: shown.orgName, address: shown.address }) : undefined} />
      {current.isPending ? <Loading label={t('preferences.loading')} /> : null}
      {current.error ? <Alert tone="error">{(current.error as Error).message}</Alert> : null}
      {save.data ? <Alert tone="success">{save.data.subscribed ? t('preferences.saved') : t('preferences.unsubscribed')}</Alert> : null}
      {shown && !shown.subscribed ? (
        // Nothing on the form can subscribe again (only a new sign-up with its confirmation can): say so, and where.
        <div className="panel">
          <p>{t('preferences.notSubscribed')}</p>
          <ButtonLink to="/p/alerts" variant="primary">{t('preferences.signUpAgain')}</ButtonLink>
        </div>
      ) : null}
      {shown?.subscribed ? (
        <form ref={formRef} className="form panel" onSubmit={submit} noValidate>
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          <Select
            label={t('fields.lang')} name="lang" value={lang} onChange={(e) => isUiLanguage(e.target.value) && setLang(e.target.value)}
            options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))} error={errors.fields.lang}
          />
          <TopicChoices value={topics} onChange={setTopics} error={errors.fields.topics} />
          <TextField label={t('fields.zip')} name="zip" inputMode="numeric" maxLength={5} value={zip} onChange={(e) => setZip(e.target.value.replace(/\D/g, ''))} error={errors.fields.zip} />
          <Checkbox label={t('preferences.unsubscribe', { org: shown.orgName })} hint={t(`preferences.unsubscribeHint.${shown.channel}`)} checked={unsubscribe} onChange={(e) => setUnsubscribe(e.target.checked)} />
          <div className="button-row">
            <Button type="submit" variant="primary" busy={save.isPending}>{t('preferences.save')}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

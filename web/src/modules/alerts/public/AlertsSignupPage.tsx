import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SignupResult } from '../../../../../contracts/alert-subscribers.ts';
import { isUiLanguage } from '../../../app/i18n.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { PageHeading } from '../../../ui/PageHeading.tsx';
import { SignupForm } from './SignupForm.tsx';
import './alerts-public.css';

/**
 * /p/alerts: anyone signs up for policy alerts, without an account, in Korean, English or
 * Spanish. `?lang=ko|en|es` opens it in that language (a flyer's link), until the person
 * switches with the language menu.
 */
export function AlertsSignupPage() {
  const { t, i18n } = useTranslation('alerts-public');
  const [params] = useSearchParams();
  const [done, setDone] = useState<SignupResult | null>(null);
  const lang = params.get('lang');

  useEffect(() => {
    if (isUiLanguage(lang) && lang !== i18n.language) void i18n.changeLanguage(lang);
    // Only when the link changes, not each time the person switches language.
  }, [lang, i18n]);

  return (
    <div className="alerts-public-page">
      <PageHeading title={t('title')} description={t('intro')} />
      {done ? (
        <Alert tone="success" title={t('done.title')} actions={<Button onClick={() => setDone(null)}>{t('done.again')}</Button>}>
          {done.channels.includes('sms') ? <p>{t('done.sms')}</p> : null}
          {done.channels.includes('email') ? <p>{t('done.email')}</p> : null}
        </Alert>
      ) : (
        <div className="panel">
          <SignupForm onDone={setDone} />
        </div>
      )}
    </div>
  );
}

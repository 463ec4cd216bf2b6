import { useTranslation } from 'react-i18next';
import { SIGNUP_CONSENT_TEXT } from '../../../../../contracts/alert-signup-texts.ts';
import type { UiLanguage } from '../../../app/i18n.ts';

/**
 * What the person agrees to, in the language they chose for their alerts: the very words the
 * server records with their sign-up (contracts/alert-signup-texts.ts), with the name of the
 * organization their ZIP code belongs to once it is known.
 */
export function ConsentText({ lang, orgName }: { lang: UiLanguage; orgName: string | null }) {
  const { t } = useTranslation('alerts-public');
  return (
    <div className="alerts-consent" lang={lang} aria-live="polite">
      <h3 className="alerts-consent__title">{t('consent.title')}</h3>
      <p>{SIGNUP_CONSENT_TEXT[lang](orgName ?? t('consent.yourLocalOrg', { lng: lang }))}</p>
    </div>
  );
}

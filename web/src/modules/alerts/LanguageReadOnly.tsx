import { useTranslation } from 'react-i18next';
import type { Alert, AlertVersion } from '../../../../contracts/alerts.ts';
import type { Lang } from '../../../../contracts/common.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { SmsMeter } from './SmsMeter.tsx';
import { TranslationReview } from './TranslationReview.tsx';

/** One language as the approver reads it: exactly what will be sent, its cost, and the translation's review. */
export function LanguageReadOnly({ alert, lang, version }: { alert: Alert; lang: Lang; version: AlertVersion | undefined }) {
  const { t } = useTranslation('alerts');
  const headingId = `alert-lang-${lang}`;
  const channels = alert.audience.channels;
  return (
    <section className="alert-lang" aria-labelledby={headingId} data-testid={`alert-version-${lang}`}>
      <div className="alert-lang__header">
        <h3 id={headingId} className="alert-lang__title">
          <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
          {lang === alert.sourceLang ? <span className="muted"> · {t('editor.source')}</span> : null}
        </h3>
      </div>
      {channels.includes('sms') ? (
        <>
          <h4 className="alert-lang__label">{t('editor.sms')}</h4>
          <p className="alert-lang__text" lang={lang} data-testid={`sms-text-${lang}`}>
            {version?.smsBody || <span className="muted">{t('editor.empty')}</span>}
          </p>
          {version?.smsBody ? <SmsMeter body={version.smsBody} lang={lang} /> : null}
        </>
      ) : null}
      {channels.includes('email') ? (
        <>
          <h4 className="alert-lang__label">{t('editor.emailSubject')}</h4>
          <p className="alert-lang__text" lang={lang}>
            {version?.emailSubject || <span className="muted">{t('editor.empty')}</span>}
          </p>
          <h4 className="alert-lang__label">{t('editor.emailBody')}</h4>
          <p className="alert-lang__text" lang={lang}>
            {version?.emailBody || <span className="muted">{t('editor.empty')}</span>}
          </p>
        </>
      ) : null}
      <TranslationReview alert={alert} lang={lang} version={version} hasText={Boolean(version && (version.smsBody || version.emailBody))} />
    </section>
  );
}

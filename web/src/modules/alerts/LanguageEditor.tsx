import { useTranslation } from 'react-i18next';
import { EMAIL_BODY_MAX_CHARS, SMS_ALERT_MAX_CHARS, type Alert as AlertT, type AlertVersion } from '../../../../contracts/alerts.ts';
import type { Lang } from '../../../../contracts/common.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { Alert } from '../../ui/Alert.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SmsMeter } from './SmsMeter.tsx';
import { TranslationReview } from './TranslationReview.tsx';
import { useVersionAutosave } from './use-version-autosave.ts';

/**
 * One language of a draft: SMS text with its live meter, email subject and body, the
 * translation's status and review buttons. Saved as it is typed (see useVersionAutosave).
 * The fields carry the language (lang=…) so spell-check and screen readers use the right one.
 */
export function LanguageEditor({ alert, lang, version }: { alert: AlertT; lang: Lang; version: AlertVersion | undefined }) {
  const { t } = useTranslation('alerts');
  const draft = useVersionAutosave(alert.id, lang, version);
  const { fields } = draft;
  const channels = alert.audience.channels;
  const source = lang === alert.sourceLang;
  const headingId = `alert-lang-${lang}`;
  const fieldError = (name: string) => (draft.error && draft.error.field === name ? draft.error.message : undefined);
  const blur = () => void draft.save();

  return (
    <section className="alert-lang" aria-labelledby={headingId} data-testid={`alert-version-${lang}`}>
      <div className="alert-lang__header">
        <h3 id={headingId} className="alert-lang__title">
          <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
          {source ? <span className="muted"> · {t('editor.source')}</span> : null}
        </h3>
        <SaveStatus state={draft.state} lang={lang} onRetry={blur} />
      </div>
      {draft.error && !['smsBody', 'emailSubject', 'emailBody'].includes(draft.error.field ?? '') ? <Alert tone="error">{draft.error.message}</Alert> : null}
      {channels.includes('sms') ? (
        <>
          <TextAreaField
            label={t('editor.sms')}
            lang={lang}
            rows={6}
            maxLength={SMS_ALERT_MAX_CHARS}
            value={fields.smsBody}
            onChange={(e) => draft.change({ smsBody: e.target.value })}
            onBlur={blur}
            error={fieldError('smsBody')}
            data-testid={`sms-body-${lang}`}
          />
          <SmsMeter body={fields.smsBody} lang={lang} onUseVariant={(text) => draft.change({ smsBody: text })} />
        </>
      ) : null}
      {channels.includes('email') ? (
        <>
          <TextField
            label={t('editor.emailSubject')}
            lang={lang}
            maxLength={200}
            value={fields.emailSubject}
            onChange={(e) => draft.change({ emailSubject: e.target.value })}
            onBlur={blur}
            error={fieldError('emailSubject')}
            autoComplete="off"
          />
          <TextAreaField
            label={t('editor.emailBody')}
            lang={lang}
            rows={8}
            maxLength={EMAIL_BODY_MAX_CHARS}
            value={fields.emailBody}
            onChange={(e) => draft.change({ emailBody: e.target.value })}
            onBlur={blur}
            error={fieldError('emailBody')}
          />
        </>
      ) : null}
      <TranslationReview alert={alert} lang={lang} version={version} hasText={Boolean(version && (version.smsBody || version.emailBody))} busy={draft.state === 'saving' || draft.state === 'unsaved'} />
    </section>
  );
}

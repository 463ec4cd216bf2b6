import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../contracts/alerts.ts';
import { langsInOrder } from './alert-options.ts';
import { LanguageEditor } from './LanguageEditor.tsx';
import { LanguageReadOnly } from './LanguageReadOnly.tsx';

/**
 * The three languages side by side on a wide screen (stacked on a phone), the source
 * language first: a translator compares line by line. Editable in draft, read-only after.
 */
export function LanguageEditors({ alert, editable }: { alert: Alert; editable: boolean }) {
  const { t } = useTranslation('alerts');
  const langs = editable ? langsInOrder(alert.sourceLang) : langsInOrder(alert.sourceLang).filter((l) => alert.versions.some((v) => v.lang === l));
  return (
    <section className="panel" aria-labelledby="alert-texts">
      <div className="panel__header">
        <h2 id="alert-texts" className="panel__title">
          {t('editor.title')}
        </h2>
      </div>
      {editable ? <p className="muted">{t('editor.intro')}</p> : null}
      <div className="alert-langs">
        {langs.map((lang) => {
          const version = alert.versions.find((v) => v.lang === lang);
          // Keyed by alert and language: a returned-to-draft alert starts from the server's text.
          return editable ? <LanguageEditor key={`${alert.id}-${lang}`} alert={alert} lang={lang} version={version} /> : <LanguageReadOnly key={lang} alert={alert} lang={lang} version={version} />;
        })}
      </div>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { HelpRequestResult } from '../../../../contracts/hotline.ts';
import { isUiLanguage } from '../../app/i18n.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { EmergencyNote } from './EmergencyNote.tsx';
import { HelpConfirmation, type SentRequest } from './HelpConfirmation.tsx';
import { HelpForm } from './HelpForm.tsx';
import './help.css';

/**
 * /p/help: anyone asks the hotline for help from a browser, without an account, in Korean,
 * English or Spanish. `?org=<slug>` makes it an affiliate's form; `?lang=ko|en|es` opens it
 * in that language (a link on a flyer), until the person switches.
 */
export function HelpPage() {
  const { t, i18n } = useTranslation('help');
  const [params] = useSearchParams();
  const [sent, setSent] = useState<{ result: HelpRequestResult; request: SentRequest } | null>(null);
  const org = params.get('org');
  const lang = params.get('lang');

  useEffect(() => {
    if (isUiLanguage(lang) && lang !== i18n.language) void i18n.changeLanguage(lang);
    // Only when the link changes, not each time the person switches language.
  }, [lang, i18n]);

  return (
    <div className="help-page">
      <PageHeading title={t('title')} description={t('intro')} />
      {sent ? (
        <HelpConfirmation result={sent.result} sent={sent.request} onAgain={() => setSent(null)} />
      ) : (
        <>
          <EmergencyNote />
          <div className="panel">
            <HelpForm org={org && /^[a-z0-9-]{1,64}$/.test(org) ? org : null} onSent={(result, request) => setSent({ result, request })} />
          </div>
        </>
      )}
    </div>
  );
}

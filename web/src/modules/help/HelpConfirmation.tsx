import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpRequestResult } from '../../../../contracts/hotline.ts';
import { LANGUAGE_NAMES, type UiLanguage } from '../../app/i18n.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Button } from '../../ui/Button.tsx';
import { EmergencyNote } from './EmergencyNote.tsx';

export interface SentRequest {
  language: UiLanguage;
  phone: string | null;
  email: string | null;
  wantsCall: boolean;
}

/** What happens next, in the page's language; focus lands on it so a screen reader reads it at once. */
export function HelpConfirmation({ result, sent, onAgain }: { result: HelpRequestResult; sent: SentRequest; onAgain: () => void }) {
  const { t } = useTranslation('help');
  const fmt = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const contact = sent.phone ? fmt.phone(sent.phone) : (sent.email ?? '');
  const when = result.staffedNow
    ? t('done.staffedNow')
    : result.nextStaffedAt
      ? t('done.nextStaffed', { when: fmt.dateTime(result.nextStaffedAt) })
      : t('done.whenAvailable');
  return (
    <section className="panel help-done" aria-labelledby="help-done-title">
      <h2 id="help-done-title" className="panel__title" tabIndex={-1} ref={heading}>
        <span aria-hidden="true">✓ </span>
        {t('done.title')}
      </h2>
      <p>{t('done.body', { contact, language: LANGUAGE_NAMES[sent.language] })}</p>
      {sent.wantsCall && sent.phone ? <p>{t('done.callBack', { phone: fmt.phone(sent.phone) })}</p> : null}
      <p>{when}</p>
      <EmergencyNote />
      <div className="button-row">
        <Button onClick={onAgain}>{t('done.again')}</Button>
      </div>
    </section>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeading } from '../../../ui/PageHeading.tsx';
import { useConfirmDetails, useConfirmSignup } from './alerts-public.api.ts';
import './alerts-public.css';

/**
 * /p/alerts/confirm/:token, the link in the confirmation email. Opening it changes nothing
 * (mail scanners open every link); the button confirms. Shown in the language of the sign-up.
 */
export function SignupConfirmPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation('alerts-public');
  const details = useConfirmDetails(token);
  const confirm = useConfirmSignup(token);
  const lang = details.data?.lang;
  useEffect(() => {
    if (lang && lang !== i18n.language) void i18n.changeLanguage(lang);
  }, [lang, i18n]);

  const status = confirm.data?.status ?? details.data?.status;
  return (
    <div className="alerts-public-page">
      <PageHeading title={t('confirm.title')} />
      {details.isPending ? <Loading label={t('confirm.loading')} /> : null}
      {confirm.error ? <Alert tone="error">{(confirm.error as Error).message}</Alert> : null}
      {/* After a failed press (a phone losing its signal) the button stays: pressing again is safe, the server records once. */}
      {status === 'pending' ? (
        <div className="panel">
          <p>{t('confirm.intro', { org: details.data?.orgName ?? '' })}</p>
          <div className="button-row">
            <Button variant="primary" busy={confirm.isPending} onClick={() => confirm.mutate()}>{t('confirm.button')}</Button>
          </div>
        </div>
      ) : null}
      {status === 'confirmed' ? <Alert tone="success" title={t('confirm.doneTitle')}>{t('confirm.done', { org: details.data?.orgName ?? '' })}</Alert> : null}
      {status === 'expired' && !confirm.error ? <Alert tone="warning" title={t('confirm.expiredTitle')}>{t('confirm.expired')}</Alert> : null}
      {status === 'invalid' || isNotFound(details.error) ? <Alert tone="error" title={t('confirm.invalidTitle')}>{t('confirm.invalid')}</Alert> : null}
      {details.error && !isNotFound(details.error) ? (
        <Alert tone="error">
          {(details.error as Error).message}{' '}
          <Button variant="secondary" onClick={() => void details.refetch()}>{t('confirm.retry')}</Button>
        </Alert>
      ) : null}
    </div>
  );
}

/** A link the server does not know (404) is invalid; anything else (no signal, a server error) is worth another try. */
const isNotFound = (err: unknown) => (err as { status?: number } | null)?.status === 404;

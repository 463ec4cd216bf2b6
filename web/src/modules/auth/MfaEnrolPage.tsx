import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { MfaEnrolDone } from '../../../../contracts/auth.ts';
import { paths } from '../../app/paths.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { authApi } from './auth.api.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { safeNext, signInPathFor, useApplySession, useSessionQuery } from './session.ts';
import { useSignOut } from './use-sign-out.ts';

/**
 * Two-factor enrolment: scan the QR (or type the key), confirm with a code, then keep the
 * recovery codes. Reached when the organization requires it ("enrol") or by choice.
 */
export function MfaEnrolPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { data: session, isPending } = useSessionQuery();
  const applySession = useApplySession();
  const signOut = useSignOut();
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  // Held here, not applied yet: once the new session is stored the guard would let the
  // user into the app, and the recovery codes must be seen first.
  const [done, setDone] = useState<MfaEnrolDone | null>(null);

  const canEnrol = Boolean(session && !session.user.mfaEnabled && session.mfa !== 'verify');
  const start = useQuery({
    queryKey: ['mfa-enrolment', session?.user.id],
    queryFn: authApi.startEnrolment,
    enabled: canEnrol && !done,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const confirm = useMutation({ mutationFn: authApi.confirmEnrolment, onSuccess: setDone });
  const errors = splitError(confirm.error, ['code']);
  useFocusFirstInvalid(formRef, confirm.error);

  if (done) {
    return (
      <>
        <PageHeading title={t('mfaEnrol.title')} />
        <RecoveryCodes
          codes={done.recoveryCodes}
          onContinue={() => {
            applySession(done.session);
            void navigate(next, { replace: true });
          }}
        />
      </>
    );
  }
  if (isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (!session) return <Navigate to={signInPathFor(null)} replace />;
  if (session.mfa === 'verify') return <Navigate to={`${paths.mfaVerify}?next=${encodeURIComponent(next)}`} replace />;
  if (session.user.mfaEnabled) return <Navigate to={next} replace />;

  const required = session.mfa === 'enrol';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(code.trim());
  };

  return (
    <>
      <PageHeading title={t('mfaEnrol.title')} description={required ? t('mfaEnrol.requiredIntro') : t('mfaEnrol.optionalIntro')} />
      {start.isPending ? <Loading label={t('mfaEnrol.preparing')} /> : null}
      {start.error ? <Alert tone="error">{start.error.message}</Alert> : null}
      {start.data ? (
        <>
          <Panel title={t('mfaEnrol.step1')}>
            <p>{t('mfaEnrol.scan')}</p>
            <img className="qr-image" src={start.data.qrDataUrl} alt={t('mfaEnrol.qrAlt')} width={200} height={200} />
            <p>{t('mfaEnrol.manual')}</p>
            <code className="secret-value" translate="no" data-testid="mfa-secret">
              {start.data.secret}
            </code>
          </Panel>
          <Panel title={t('mfaEnrol.step2')} className="form">
            {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
            <form ref={formRef} onSubmit={submit} noValidate>
              <TextField
                label={t('fields.sixDigitCode')}
                hint={t('mfaEnrol.codeHint')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={errors.fields.code}
              />
              <div className="button-row">
                <Button type="submit" variant="primary" busy={confirm.isPending}>
                  {t('mfaEnrol.submit')}
                </Button>
                {required ? (
                  <Button variant="quiet" onClick={() => signOut.mutate('this-device')}>
                    {t('account.signOut')}
                  </Button>
                ) : (
                  <ButtonLink variant="quiet" to={paths.home}>
                    {t('actions.cancel', { ns: 'common' })}
                  </ButtonLink>
                )}
              </div>
            </form>
          </Panel>
        </>
      ) : null}
    </>
  );
}

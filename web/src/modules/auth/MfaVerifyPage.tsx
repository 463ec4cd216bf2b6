import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { authApi } from './auth.api.ts';
import { nextStepPath } from './auth-steps.ts';
import { signInPathFor, useApplySession, useSessionQuery } from './session.ts';
import { useSignOut } from './use-sign-out.ts';

/** Second step of sign-in: a 6-digit code from the authenticator app, or one recovery code. */
export function MfaVerifyPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = params.get('next');
  const { data: session, isPending } = useSessionQuery();
  const applySession = useApplySession();
  const signOut = useSignOut();
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');

  const verify = useMutation({ mutationFn: authApi.verifyMfa, onSuccess: applySession });
  const errors = splitError(verify.error, ['code']);
  useFocusFirstInvalid(formRef, verify.error);

  if (isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (!session) return <Navigate to={signInPathFor(null)} replace />;
  if (session.mfa !== 'verify') return <Navigate to={nextStepPath(session, next) ?? paths.home} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate(code.trim());
  };

  return (
    <>
      <PageHeading title={t('mfaVerify.title')} description={t('mfaVerify.intro')} />
      <Panel title={t('mfaVerify.formTitle')} className="form">
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <form ref={formRef} onSubmit={submit} noValidate>
          <TextField
            label={t('fields.code')}
            hint={t('mfaVerify.codeHint')}
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.fields.code}
          />
          <div className="button-row">
            <Button type="submit" variant="primary" busy={verify.isPending}>
              {t('mfaVerify.submit')}
            </Button>
            <Button variant="quiet" onClick={() => signOut.mutate('this-device')} busy={signOut.isPending}>
              {t('mfaVerify.useOtherAccount')}
            </Button>
          </div>
        </form>
      </Panel>
    </>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { authApi } from './auth.api.ts';
import { nextStepPath } from './auth-steps.ts';
import { SignInNotice } from './SignInNotice.tsx';
import { useApplySession, useSessionQuery } from './session.ts';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = params.get('next');
  const { data: session } = useSessionQuery();
  const applySession = useApplySession();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const signIn = useMutation({ mutationFn: authApi.signIn, onSuccess: applySession });
  const errors = splitError(signIn.error, ['email', 'password']);
  useFocusFirstInvalid(formRef, signIn.error);

  // Signed in already, or just now: go to the next step (2FA) or to the page asked for.
  const target = nextStepPath(session, next);
  if (target) return <Navigate to={target} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <>
      <PageHeading title={t('signIn.title')} description={t('signIn.intro')} />
      <SignInNotice notice={params.get('notice')} />
      <Panel title={t('signIn.formTitle')} className="form">
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <form ref={formRef} onSubmit={submit} noValidate>
          <TextField
            label={t('fields.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
          <TextField
            label={t('fields.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.fields.password}
          />
          <div className="button-row">
            <Button type="submit" variant="primary" busy={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
            <Link to={paths.forgotPassword}>{t('signIn.forgot')}</Link>
          </div>
        </form>
      </Panel>
    </>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { authApi } from './auth.api.ts';

/** Ask for a reset link. The answer is the same whether or not the email has an account. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation('auth');
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: authApi.requestPasswordReset });
  const errors = splitError(request.error, ['email']);
  useFocusFirstInvalid(formRef, request.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ email });
  };

  return (
    <>
      <PageHeading title={t('resetRequest.title')} description={t('resetRequest.intro')} />
      {request.isSuccess ? (
        <Alert tone="success" title={t('resetRequest.sentTitle')} actions={<Link to={paths.signIn}>{t('backToSignIn')}</Link>}>
          {t('resetRequest.sentBody', { email })}
        </Alert>
      ) : (
        <Panel title={t('resetRequest.formTitle')} className="form">
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
            <div className="button-row">
              <Button type="submit" variant="primary" busy={request.isPending}>
                {t('resetRequest.submit')}
              </Button>
              <Link to={paths.signIn}>{t('backToSignIn')}</Link>
            </div>
          </form>
        </Panel>
      )}
    </>
  );
}

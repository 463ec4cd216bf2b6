import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { authApi } from './auth.api.ts';

const MIN_PASSWORD = 12;

/** Set a new password from the emailed link (/reset-password?token=…); also used by invitations. */
export function PasswordResetCompletePage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const complete = useMutation({
    mutationFn: authApi.completePasswordReset,
    onSuccess: () => void navigate(`${paths.signIn}?notice=password-reset`, { replace: true }),
  });
  const errors = splitError(complete.error, ['password']);
  useFocusFirstInvalid(formRef, complete.error ?? (mismatch ? 'mismatch' : null));

  if (!token) {
    return (
      <>
        <PageHeading title={t('resetComplete.title')} />
        <Alert tone="error" actions={<Link to={paths.forgotPassword}>{t('resetComplete.askNew')}</Link>}>
          {t('resetComplete.noToken')}
        </Alert>
      </>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only the repeat is checked here (the server cannot); every other rule is the server's.
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    complete.mutate({ token, password });
  };

  return (
    <>
      <PageHeading title={t('resetComplete.title')} description={t('resetComplete.intro')} />
      <Panel title={t('resetComplete.formTitle')} className="form">
        {errors.form ? (
          <Alert tone="error" actions={<Link to={paths.forgotPassword}>{t('resetComplete.askNew')}</Link>}>
            {errors.form}
          </Alert>
        ) : null}
        <form ref={formRef} onSubmit={submit} noValidate>
          {/* Lets password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" hidden readOnly />
          <TextField
            label={t('fields.newPassword')}
            hint={t('resetComplete.passwordHint', { min: MIN_PASSWORD })}
            type="password"
            name="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.fields.password}
          />
          <TextField
            label={t('fields.repeatPassword')}
            type="password"
            name="repeat"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={mismatch ? t('resetComplete.mismatch') : undefined}
          />
          <div className="button-row">
            <Button type="submit" variant="primary" busy={complete.isPending}>
              {t('resetComplete.submit')}
            </Button>
          </div>
        </form>
      </Panel>
    </>
  );
}

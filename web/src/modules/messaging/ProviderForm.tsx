import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessagingAccount, MessagingAccountInput, MessagingProvider } from '../../../../contracts/messaging.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { messagingApi, messagingKeys } from './messaging.api.ts';

const FIELDS = ['provider', 'accountSid', 'authToken'] as const;

/** The auth token is write-only: the field starts empty and an empty field keeps the stored token. */
export function ProviderForm({ account }: { account: MessagingAccount }) {
  const { t } = useTranslation('messaging');
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [provider, setProvider] = useState<MessagingProvider>(account.provider);
  const [accountSid, setAccountSid] = useState(account.accountSid ?? '');
  const [authToken, setAuthToken] = useState('');
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (body: MessagingAccountInput) => messagingApi.saveAccount(body),
    onSuccess: (next) => {
      queryClient.setQueryData(messagingKeys.account, next);
      setSaved(true);
    },
  });
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body: MessagingAccountInput = { provider, version: account.version };
    const sid = accountSid.trim();
    if (sid !== (account.accountSid ?? '')) body.accountSid = sid || null;
    if (authToken.trim()) body.authToken = authToken.trim();
    save.mutate(body);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="panel form">
      <h2>{t('provider.title')}</h2>
      {saved ? <Alert tone="success">{t('provider.saved')}</Alert> : null}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Select
        label={t('provider.provider')}
        hint={t('provider.providerHint')}
        value={provider}
        onChange={(e) => setProvider(e.target.value as MessagingProvider)}
        error={errors.fields.provider}
        options={[
          { value: 'simulator', label: t('provider.simulator') },
          { value: 'twilio', label: t('provider.twilio') },
        ]}
      />
      {provider === 'twilio' || account.accountSid ? (
        <>
          <TextField
            label={t('provider.accountSid')}
            hint={t('provider.accountSidHint')}
            value={accountSid}
            onChange={(e) => setAccountSid(e.target.value)}
            error={errors.fields.accountSid}
            autoComplete="off"
            spellCheck={false}
            className="mono"
          />
          <TextField
            label={t('provider.authToken')}
            hint={account.authTokenSet ? t('provider.authTokenStored', { last4: account.authTokenLast4 }) : t('provider.authTokenHint')}
            type="password"
            value={authToken}
            onChange={(e) => setAuthToken(e.target.value)}
            error={errors.fields.authToken}
            autoComplete="new-password"
            spellCheck={false}
          />
        </>
      ) : null}
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('actions.save', { ns: 'common' })}
        </Button>
      </div>
    </form>
  );
}

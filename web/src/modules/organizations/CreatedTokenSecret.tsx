import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../../../contracts/auth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';

/** The one moment the secret exists in readable form: the server keeps only its hash. */
export function CreatedTokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation('organizations');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.secret);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the secret stays selectable on screen
    }
  };
  return (
    <Alert
      tone="warning"
      title={t('tokens.secretTitle', { name: token.name })}
      actions={
        <>
          <Button onClick={() => void copy()}>{t('tokens.copy')}</Button>
          <Button variant="primary" onClick={onDone}>
            {t('tokens.secretDone')}
          </Button>
          {copied ? <span role="status">{t('tokens.copied')}</span> : null}
        </>
      }
    >
      <p>{t('tokens.secretOnce')}</p>
      <code className="secret-value" translate="no" data-testid="api-token-secret">
        {token.secret}
      </code>
    </Alert>
  );
}

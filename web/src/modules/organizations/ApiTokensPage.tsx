import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedApiToken } from '../../../../contracts/auth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useSession } from '../auth/session.ts';
import { ApiTokensTable } from './ApiTokensTable.tsx';
import { CreateApiTokenForm } from './CreateApiTokenForm.tsx';
import { CreatedTokenSecret } from './CreatedTokenSecret.tsx';
import { RevokeTokenDialog } from './RevokeTokenDialog.tsx';
import { useApiTokens } from './organizations.api.ts';

export function ApiTokensPage() {
  const { t } = useTranslation('organizations');
  const { permissions } = useSession();
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeading title={t('tokens.title')} description={t('tokens.intro')} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {created ? (
        <CreatedTokenSecret token={created} onDone={() => setCreated(null)} />
      ) : (
        <Panel title={t('tokens.createTitle')}>
          <CreateApiTokenForm
            scopes={permissions}
            onCreated={(tok) => {
              setNotice(null);
              setCreated(tok);
            }}
          />
        </Panel>
      )}
      <Panel title={t('tokens.listTitle')}>
        {tokens.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
        {tokens.error ? <Alert tone="error">{tokens.error.message}</Alert> : null}
        {tokens.data ? <ApiTokensTable tokens={tokens.data.items} onRevoke={setRevoking} /> : null}
      </Panel>
      <RevokeTokenDialog
        token={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(tok) => {
          setRevoking(null);
          setNotice(t('tokens.revoked', { name: tok.name }));
        }}
      />
    </>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../contracts/auth.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { orgApi, orgKeys } from './organizations.api.ts';

export function RevokeTokenDialog({ token, onClose, onRevoked }: { token: ApiToken | null; onClose: () => void; onRevoked: (t: ApiToken) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (tok: ApiToken) => orgApi.revokeToken(tok.id),
    onSuccess: (_ok, tok) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.tokens });
      revoke.reset();
      onRevoked(tok);
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Dialog
      open={Boolean(token)}
      onClose={close}
      title={t('tokens.revokeTitle')}
      closeLabel={t('actions.close', { ns: 'common' })}
      footer={
        <>
          <Button onClick={close}>{t('actions.cancel', { ns: 'common' })}</Button>
          <Button variant="danger" busy={revoke.isPending} onClick={() => token && revoke.mutate(token)}>
            {t('tokens.revokeConfirm')}
          </Button>
        </>
      }
    >
      {token ? <p>{t('tokens.revokeBody', { name: token.name })}</p> : null}
      {revoke.error ? <Alert tone="error">{revoke.error.message}</Alert> : null}
    </Dialog>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../contracts/auth.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { orgApi, orgKeys } from './organizations.api.ts';

export function RevokeTokenDialog({ token, onClose, onRevoked }: { token: ApiToken | null; onClose: () => void; onRevoked: (t: ApiToken) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      subject={token}
      title={t('tokens.revokeTitle')}
      body={(tok) => t('tokens.revokeBody', { name: tok.name })}
      confirmLabel={t('tokens.revokeConfirm')}
      cancelLabel={t('actions.cancel', { ns: 'common' })}
      closeLabel={t('actions.close', { ns: 'common' })}
      action={(tok) => orgApi.revokeToken(tok.id)}
      onDone={(tok) => {
        void queryClient.invalidateQueries({ queryKey: orgKeys.tokens });
        onRevoked(tok);
      }}
      onClose={onClose}
    />
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../contracts/organizations.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { orgApi, orgKeys } from './organizations.api.ts';

/** A member lost their phone: turn their two-factor off so they can sign in and enrol again. */
export function ResetMfaDialog({ member, onClose, onReset }: { member: Member | null; onClose: () => void; onReset: (m: Member) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      subject={member}
      title={t('members.resetMfaTitle')}
      body={(m) => t('members.resetMfaBody', { name: m.displayName, email: m.email })}
      confirmLabel={t('members.resetMfaConfirm')}
      cancelLabel={t('actions.cancel', { ns: 'common' })}
      closeLabel={t('actions.close', { ns: 'common' })}
      action={(m) => orgApi.resetMfa(m.userId)}
      onDone={(m) => {
        void queryClient.invalidateQueries({ queryKey: orgKeys.members });
        onReset(m);
      }}
      onClose={onClose}
    />
  );
}

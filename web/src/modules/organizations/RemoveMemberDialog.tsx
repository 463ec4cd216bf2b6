import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../contracts/organizations.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { orgApi, orgKeys } from './organizations.api.ts';

export function RemoveMemberDialog({ member, orgName, onClose, onRemoved }: { member: Member | null; orgName: string; onClose: () => void; onRemoved: (m: Member) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      subject={member}
      title={t('members.removeTitle')}
      body={(m) => t('members.removeBody', { name: m.displayName, email: m.email, org: orgName })}
      confirmLabel={t('members.removeConfirm')}
      cancelLabel={t('actions.cancel', { ns: 'common' })}
      closeLabel={t('actions.close', { ns: 'common' })}
      action={(m) => orgApi.removeMember(m.userId)}
      onDone={(m) => {
        void queryClient.invalidateQueries({ queryKey: orgKeys.members });
        onRemoved(m);
      }}
      onClose={onClose}
    />
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../contracts/organizations.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { orgApi, orgKeys } from './organizations.api.ts';

export function RemoveMemberDialog({ member, orgName, onClose, onRemoved }: { member: Member | null; orgName: string; onClose: () => void; onRemoved: (m: Member) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (m: Member) => orgApi.removeMember(m.userId),
    onSuccess: (_ok, m) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.members });
      remove.reset();
      onRemoved(m);
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={Boolean(member)}
      onClose={close}
      title={t('members.removeTitle')}
      closeLabel={t('actions.close', { ns: 'common' })}
      footer={
        <>
          <Button onClick={close}>{t('actions.cancel', { ns: 'common' })}</Button>
          <Button variant="danger" busy={remove.isPending} onClick={() => member && remove.mutate(member)}>
            {t('members.removeConfirm')}
          </Button>
        </>
      }
    >
      {member ? <p>{t('members.removeBody', { name: member.displayName, email: member.email, org: orgName })}</p> : null}
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
    </Dialog>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../contracts/organizations.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { orgApi, orgKeys } from './organizations.api.ts';

/** A member lost their phone: turn their two-factor off so they can sign in and enrol again. */
export function ResetMfaDialog({ member, onClose, onReset }: { member: Member | null; onClose: () => void; onReset: (m: Member) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: (m: Member) => orgApi.resetMfa(m.userId),
    onSuccess: (_ok, m) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.members });
      reset.reset();
      onReset(m);
    },
  });
  const close = () => {
    reset.reset();
    onClose();
  };
  return (
    <Dialog
      open={Boolean(member)}
      onClose={close}
      title={t('members.resetMfaTitle')}
      closeLabel={t('actions.close', { ns: 'common' })}
      footer={
        <>
          <Button onClick={close}>{t('actions.cancel', { ns: 'common' })}</Button>
          <Button variant="danger" busy={reset.isPending} onClick={() => member && reset.mutate(member)}>
            {t('members.resetMfaConfirm')}
          </Button>
        </>
      }
    >
      {member ? <p>{t('members.resetMfaBody', { name: member.displayName, email: member.email })}</p> : null}
      {reset.error ? <Alert tone="error">{reset.error.message}</Alert> : null}
    </Dialog>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Sender } from '../../../../contracts/messaging.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { messagingApi, messagingKeys } from './messaging.api.ts';

export function DeleteSenderDialog({ sender, onClose, onDeleted }: { sender: Sender | null; onClose: () => void; onDeleted: (s: Sender) => void }) {
  const { t } = useTranslation('messaging');
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      subject={sender}
      title={t('senders.deleteTitle')}
      body={(s) => t('senders.deleteBody', { label: s.label })}
      confirmLabel={t('senders.deleteConfirm')}
      cancelLabel={t('actions.cancel', { ns: 'common' })}
      closeLabel={t('actions.close', { ns: 'common' })}
      action={(s) => messagingApi.deleteSender(s.id)}
      onDone={(s) => {
        // The default may have moved to another sender: reload the list rather than patch it.
        void queryClient.invalidateQueries({ queryKey: messagingKeys.senders });
        onDeleted(s);
      }}
      onClose={onClose}
    />
  );
}

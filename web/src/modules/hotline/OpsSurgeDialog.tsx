import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { useSaveSettings } from './hotline-admin.api.ts';
import { OpsSurgeEffects } from './OpsSurgeEffects.tsx';

/** "Turn surge mode on?" with what it does, or "off?" with what happens to the queue; waits for the server. */
export function OpsSurgeDialog({ open, turnOn, onClose, onDone }: { open: boolean; turnOn: boolean; onClose: () => void; onDone: (surge: boolean) => void }) {
  const { t } = useTranslation('hotline');
  const save = useSaveSettings();
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={turnOn ? t('ops.surge.confirmOnTitle') : t('ops.surge.confirmOffTitle')}
      closeLabel={t('actions.close', { ns: 'common' })}
      footer={
        <>
          <Button onClick={close}>{t('actions.cancel', { ns: 'common' })}</Button>
          <Button
            variant={turnOn ? 'danger' : 'primary'}
            busy={save.isPending}
            onClick={() =>
              save.mutate(
                { surge: turnOn },
                {
                  onSuccess: (s) => {
                    save.reset();
                    onDone(s.surge);
                  },
                },
              )
            }
          >
            {turnOn ? t('ops.surge.confirmOn') : t('ops.surge.confirmOff')}
          </Button>
        </>
      }
    >
      {turnOn ? (
        <>
          <p>{t('ops.surge.confirmOnIntro')}</p>
          <OpsSurgeEffects />
          <p>{t('ops.surge.confirmOnAfter')}</p>
        </>
      ) : (
        <p>{t('ops.surge.confirmOffBody')}</p>
      )}
      {save.error ? <Alert tone="error">{save.error.message}</Alert> : null}
    </Dialog>
  );
}

import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';

export interface ConfirmDialogProps<T> {
  /** What the action applies to; the dialog is open while it is set. */
  subject: T | null;
  title: ReactNode;
  body: (subject: T) => ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  closeLabel: string;
  /** The change itself; its error is shown in the dialog, which stays open. */
  action: (subject: T) => Promise<unknown>;
  onDone: (subject: T) => void;
  onClose: () => void;
}

/** "Are you sure?" for a destructive action: cancel, or confirm and wait for the server. */
export function ConfirmDialog<T>({ subject, title, body, confirmLabel, cancelLabel, closeLabel, action, onDone, onClose }: ConfirmDialogProps<T>) {
  const run = useMutation({
    mutationFn: action,
    onSuccess: (_result, s) => {
      run.reset();
      onDone(s);
    },
  });
  const close = () => {
    run.reset();
    onClose();
  };
  return (
    <Dialog
      open={subject !== null}
      onClose={close}
      title={title}
      closeLabel={closeLabel}
      footer={
        <>
          <Button onClick={close}>{cancelLabel}</Button>
          <Button variant="danger" busy={run.isPending} onClick={() => subject !== null && run.mutate(subject)}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {subject !== null ? <p>{body(subject)}</p> : null}
      {run.error ? <Alert tone="error">{run.error.message}</Alert> : null}
    </Dialog>
  );
}

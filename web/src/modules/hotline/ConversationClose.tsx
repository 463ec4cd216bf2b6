import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail, Disposition } from '../../../../contracts/hotline.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { inboxApi, useConversationChange } from './hotline.api.ts';
import { DISPOSITIONS } from './inbox-options.ts';

const NEXT_ID = 'conv-close-next';

/** Close with how it ended (for the reports), or open a closed one again to reply. */
export function ConversationClose({ conversation: c }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const close = useConversationChange(c.id, inboxApi.close);
  const reopen = useConversationChange(c.id, (id: string) => inboxApi.reopen(id));
  const [disposition, setDisposition] = useState('');
  // After closing or reopening here, focus the control of the new state (the pressed one is gone).
  // Set when the change is asked for: the new status arrives (refetch) before the mutation reports success.
  const changedHere = useRef(false);
  useEffect(() => {
    if (!changedHere.current) return;
    changedHere.current = false;
    document.getElementById(NEXT_ID)?.focus();
  }, [c.status]);

  if (c.status === 'closed') {
    return (
      <Panel title={t('inbox.close.reopenTitle')}>
        <p>
          {t('inbox.conversation.closedAt', { time: fmt.dateTime(c.closedAt), disposition: c.disposition ? t(`inbox.dispositions.${c.disposition}`) : '—' })}
        </p>
        <div className="button-row">
          <Button id={NEXT_ID} busy={reopen.isPending} onClick={() => {
              changedHere.current = true;
              reopen.mutate(undefined, { onError: () => void (changedHere.current = false) });
            }}>
            {t('inbox.close.reopen')}
          </Button>
        </div>
        {reopen.error ? <Alert tone="error">{reopen.error.message}</Alert> : null}
      </Panel>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!disposition) return;
    changedHere.current = true;
    close.mutate({ disposition: disposition as Disposition }, { onError: () => void (changedHere.current = false) });
  };

  return (
    <Panel title={t('inbox.close.title')}>
      <form className="form" onSubmit={submit} noValidate>
        <Select
          id={NEXT_ID}
          label={t('inbox.close.disposition')}
          hint={t('inbox.close.hint')}
          value={disposition}
          onChange={(e) => setDisposition(e.target.value)}
          error={close.error && (close.error as { field?: string }).field === 'disposition' ? close.error.message : undefined}
          options={[{ value: '', label: t('inbox.close.choose') }, ...DISPOSITIONS.map((d) => ({ value: d, label: t(`inbox.dispositions.${d}`) }))]}
        />
        {close.error && (close.error as { field?: string }).field !== 'disposition' ? <Alert tone="error">{close.error.message}</Alert> : null}
        <div className="button-row">
          <Button type="submit" variant="danger" busy={close.isPending} disabled={!disposition}>
            {t('inbox.close.submit')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

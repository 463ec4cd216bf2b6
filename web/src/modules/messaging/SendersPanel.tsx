import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sender } from '../../../../contracts/messaging.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { DeleteSenderDialog } from './DeleteSenderDialog.tsx';
import { SenderForm } from './SenderForm.tsx';
import { SendersTable } from './SendersTable.tsx';
import { useSenders } from './messaging.api.ts';

/** The org's numbers: one form for adding or editing (never both at once), and a confirmation before removing. */
export function SendersPanel() {
  const { t } = useTranslation('messaging');
  const senders = useSenders();
  const [editing, setEditing] = useState<Sender | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Sender | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Panel
      title={t('senders.title')}
      actions={editing ? null : <Button onClick={() => { setNotice(null); setEditing('new'); }}>{t('senders.add')}</Button>}
    >
      <p>{t('senders.intro')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {editing ? (
        <SenderForm
          key={editing === 'new' ? 'new' : editing.id}
          sender={editing === 'new' ? null : editing}
          onDone={(s) => {
            setEditing(null);
            setNotice(t('senders.saved', { label: s.label }));
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {senders.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {senders.error ? <Alert tone="error">{senders.error.message}</Alert> : null}
      {senders.data ? (
        <SendersTable
          senders={senders.data.items}
          onEdit={(s) => { setNotice(null); setEditing(s); }}
          onDelete={setDeleting}
        />
      ) : null}
      <DeleteSenderDialog
        sender={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(s) => {
          setDeleting(null);
          setNotice(t('senders.deleted', { label: s.label }));
        }}
      />
    </Panel>
  );
}

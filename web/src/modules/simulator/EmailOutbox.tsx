import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { EmailDetail } from './EmailDetail.tsx';
import { useEmails } from './simulator.api.ts';

/** What the email simulator "sent", newest first; only your own mail unless you manage members. */
export function EmailOutbox() {
  const { t } = useTranslation('simulator');
  const fmt = useFormat();
  const emails = useEmails();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Panel title={t('email.title')}>
      {emails.data ? <p className="muted">{emails.data.allAddresses ? t('email.scopeAll') : t('email.scopeOwn')}</p> : null}
      {emails.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {emails.error ? <Alert tone="error">{emails.error.message}</Alert> : null}
      {emails.data ? (
        <DataTable
          caption={t('email.caption')}
          hideCaption
          rows={emails.data.items}
          rowKey={(e) => e.id}
          empty={t('email.empty')}
          columns={[
            {
              key: 'subject', header: t('email.subject'), primary: true,
              render: (e) => (
                <button type="button" className="btn btn--quiet sim-link" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                  {e.subject}
                </button>
              ),
            },
            { key: 'to', header: t('email.to'), cardLabel: t('email.to'), render: (e) => e.to },
            { key: 'time', header: t('email.time'), cardLabel: t('email.time'), render: (e) => <time dateTime={e.createdAt}>{fmt.dateTime(e.createdAt)}</time> },
          ]}
        />
      ) : null}
      {open ? <EmailDetail id={open} /> : null}
    </Panel>
  );
}

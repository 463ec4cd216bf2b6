import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ProviderForm } from './ProviderForm.tsx';
import { SendersPanel } from './SendersPanel.tsx';
import { WebhookUrlList } from './WebhookUrlList.tsx';
import { useMessagingAccount } from './messaging.api.ts';

/** Admins: which provider the org's numbers use, the numbers themselves, and what to paste into Twilio. */
export function MessagingSettingsPage() {
  const { t } = useTranslation('messaging');
  const account = useMessagingAccount();
  return (
    <>
      <PageHeading title={t('settings.title')} description={t('settings.intro')} />
      {account.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {account.error ? <Alert tone="error">{account.error.message}</Alert> : null}
      {account.data ? (
        <>
          {/* Keyed by version: after a save the form starts again from what the server now holds. */}
          <ProviderForm key={account.data.version} account={account.data} />
          <Panel title={t('webhooks.title')}>
            <WebhookUrlList urls={account.data.webhookUrls} />
          </Panel>
        </>
      ) : null}
      <SendersPanel />
    </>
  );
}

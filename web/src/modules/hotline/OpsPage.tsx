import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useCan } from '../auth/session.ts';
import { useHotlineSettings } from './hotline-admin.api.ts';
import { OpsCallInPanel } from './OpsCallInPanel.tsx';
import { OpsSettingsPanel } from './OpsSettingsPanel.tsx';
import { OpsSurgePanel } from './OpsSurgePanel.tsx';
import { StreamStatus } from './StreamStatus.tsx';
import { useHotlineStream } from './use-hotline-stream.ts';
import './inbox.css';
import './ops.css';

/**
 * Running the hotline on a hard day: surge mode, calling more responders in, and how long
 * phones ring. Coordinators change these; everyone else on the hotline sees how it is set.
 * Live: a switch thrown by another coordinator shows up here by itself.
 */
export function OpsPage() {
  const { t } = useTranslation('hotline');
  const stream = useHotlineStream();
  const coordinator = useCan('hotline.coordinate');
  const settings = useHotlineSettings();

  return (
    <>
      <PageHeading title={t('ops.title')} description={t('ops.intro')} />
      <StreamStatus state={stream} />
      {!coordinator ? <Alert tone="info">{t('ops.readOnly')}</Alert> : null}
      {settings.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {settings.error && !settings.data ? <Alert tone="error">{settings.error.message}</Alert> : null}
      {settings.data ? (
        <>
          <OpsSurgePanel settings={settings.data} canChange={coordinator} />
          {coordinator ? <OpsCallInPanel /> : null}
          <OpsSettingsPanel settings={settings.data} canChange={coordinator} />
        </>
      ) : null}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { CallbacksList } from './CallbacksList.tsx';
import { CallbacksTabs } from './CallbacksTabs.tsx';
import { type CallbackStatus, useHotlineSettings } from './hotline-admin.api.ts';
import { StreamStatus } from './StreamStatus.tsx';
import { useHotlineStream } from './use-hotline-stream.ts';
import './inbox.css';
import './callbacks.css';

/**
 * The callback queue, worked in order: emergencies first, then whoever has waited longest.
 * Made for a volunteer's phone: tap Take, tap the number to call, then say how it went.
 * Live: a new voicemail or surge request appears by itself, a callback someone else takes
 * shows their name.
 */
export function CallbacksPage() {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const stream = useHotlineStream();
  const [params] = useSearchParams();
  const status: CallbackStatus = params.get('status') === 'done' ? 'done' : 'open';
  const settings = useHotlineSettings();

  return (
    <>
      <PageHeading title={t('callbacks.title')} description={t('callbacks.intro')} />
      <StreamStatus state={stream} />
      {settings.data?.surge ? (
        <Alert tone="warning" title={t('callbacks.surgeTitle')}>
          {settings.data.surgeSince ? t('callbacks.surgeSince', { time: fmt.dateTime(settings.data.surgeSince) }) : null}
        </Alert>
      ) : null}
      <CallbacksTabs status={status} />
      <CallbacksList status={status} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { StreamState } from './use-hotline-stream.ts';

/** Whether the page is live: a volunteer must know when new texts would not show up by themselves. */
export function StreamStatus({ state }: { state: StreamState }) {
  const { t } = useTranslation('hotline');
  return (
    <p className={`stream-status stream-status--${state}`} role="status" data-testid="stream-status">
      <span className="stream-status__dot" aria-hidden="true" />
      {t(`inbox.live.${state}`)}
    </p>
  );
}

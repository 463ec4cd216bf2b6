import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { elapsed, elapsedSeconds } from './call-duration.ts';

/**
 * How long the call has been joined, ticking each second. Deliberately not a live region:
 * a screen reader announcing every second would drown the call out.
 */
export function ConnectedTimer({ since }: { since: string }) {
  const { t } = useTranslation('simulator');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <span className="sim-timer">
      <span className="visually-hidden">{t('call.duration')} </span>
      <time dateTime={`PT${elapsedSeconds(since, now)}S`}>{elapsed(since, now)}</time>
    </span>
  );
}

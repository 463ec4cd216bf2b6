import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { AnsweredCallPanel } from './AnsweredCallPanel.tsx';
import { IncomingCallCard } from './IncomingCallCard.tsx';
import { usePhoneCalls } from './simulator.api.ts';

/**
 * Calls Haven places to the phone this page plays (a hotline responder's, when Haven's IVR
 * rings it): an incoming-call card while it rings, then the answered call. Mount it with
 * `key={phone}`, so another phone starts with nothing open.
 */
export function IncomingCalls({ phone }: { phone: string | null }) {
  const { t } = useTranslation('simulator');
  const fmt = useFormat();
  const calls = usePhoneCalls(phone);
  const [openSid, setOpenSid] = useState<string | null>(null);
  const items = calls.data?.items ?? [];
  // After a reload the page still knows the call in progress.
  const shownSid = openSid ?? items.find((c) => c.status === 'in-progress')?.sid ?? null;
  const ringing = items.filter((c) => c.status === 'ringing' && c.sid !== shownSid);

  return (
    <div className="sim-incoming-wrap">
      {/* Always in the page, so that a screen reader announces the ring when the text appears. */}
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {ringing.length ? t('incoming.announce', { number: fmt.phone(ringing[0].from) }) : ''}
      </p>
      {calls.error ? <Alert tone="error">{calls.error.message}</Alert> : null}
      {ringing.map((c) => (
        <IncomingCallCard key={c.sid} call={c} onAnswered={setOpenSid} />
      ))}
      {shownSid ? <AnsweredCallPanel key={shownSid} sid={shownSid} onClose={() => setOpenSid(null)} /> : null}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { CallTranscript } from './CallTranscript.tsx';
import { ConnectedTimer } from './ConnectedTimer.tsx';
import { Keypad } from './Keypad.tsx';
import { VoicemailForm } from './VoicemailForm.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { statusLabel } from './status-label.ts';
import { useCall, useCallMove, useStartCall } from './simulator.api.ts';

/**
 * The member calls Haven: what they hear, and what the call waits for (keys, a message),
 * the phones Haven is ringing for them (or "nobody answers"), the phone they are joined to,
 * or hang up.
 */
export function CallPanel({ phone, haven }: { phone: string | null; haven: string }) {
  const { t } = useTranslation('simulator');
  const fmt = useFormat();
  const [sid, setSid] = useState<string | null>(null);
  const start = useStartCall();
  const call = useCall(sid);
  const move = useCallMove(sid);
  const live = call.data && call.data.status !== 'completed';
  const waiting = live ? call.data?.waiting : null;
  const error = start.error ?? move.error ?? call.error;

  return (
    <Panel title={t('call.title')} actions={call.data ? <Badge tone={live ? 'accent' : 'neutral'}>{statusLabel(t, call.data.status)}</Badge> : undefined}>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {!live ? (
        <Button
          variant="primary"
          disabled={!phone || !haven}
          busy={start.isPending}
          onClick={() => start.mutate({ from: phone ?? '', to: haven }, { onSuccess: (c) => setSid(c.sid) })}
        >
          {phone && haven ? t('call.start', { phone: haven }) : t('phone.pickFirst')}
        </Button>
      ) : null}
      {call.data ? <CallTranscript entries={call.data.transcript} /> : null}
      {waiting?.verb === 'gather' ? <Keypad busy={move.isPending} finishOnKey={waiting.finishOnKey} onKeys={(digits) => move.mutate({ kind: 'digits', digits })} /> : null}
      {waiting?.verb === 'record' ? <VoicemailForm busy={move.isPending} onLeave={(text) => move.mutate({ kind: 'recording', text })} /> : null}
      {waiting?.verb === 'dial' ? (
        <div className="sim-call-state">
          <p className="sim-call-state__text">{t('call.ringing', { numbers: waiting.numbers.map(fmt.phone).join(', ') })}</p>
          <p className="muted">{t('call.ringingHint', { seconds: waiting.timeout })}</p>
          <Button busy={move.isPending} onClick={() => move.mutate({ kind: 'ring-out' })}>
            {t('call.ringOut')}
          </Button>
        </div>
      ) : null}
      {waiting?.verb === 'bridged' ? (
        <p className="sim-call-state sim-call-state--connected">
          <span className="sim-call-state__text">{t('call.connectedTo', { number: fmt.phone(waiting.number) })}</span> <ConnectedTimer since={waiting.since} />
        </p>
      ) : null}
      {live ? (
        <div className="button-row">
          {waiting?.verb === 'gather' || waiting?.verb === 'record' ? (
            <Button busy={move.isPending} onClick={() => move.mutate({ kind: 'silence' })}>
              {t('call.silence')}
            </Button>
          ) : null}
          <Button variant="danger" busy={move.isPending} onClick={() => move.mutate({ kind: 'hangup' })}>
            {t('call.hangUp')}
          </Button>
        </div>
      ) : null}
    </Panel>
  );
}

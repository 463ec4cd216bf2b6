import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { CallTranscript } from './CallTranscript.tsx';
import { ConnectedTimer } from './ConnectedTimer.tsx';
import { Keypad } from './Keypad.tsx';
import { statusLabel } from './status-label.ts';
import { isFinalCall, useCall, useCallMove } from './simulator.api.ts';

/**
 * A call from Haven this phone picked up: the whisper ("press 1 to accept"), the keypad, then
 * the caller once joined. Hanging up ends the joined call for both sides.
 */
export function AnsweredCallPanel({ sid, onClose }: { sid: string; onClose: () => void }) {
  const { t } = useTranslation('simulator');
  const fmt = useFormat();
  const call = useCall(sid);
  const move = useCallMove(sid);
  const c = call.data;
  const live = !!c && !isFinalCall(c.status);
  const waiting = live ? c?.waiting : null;
  const error = move.error ?? call.error;

  return (
    <Panel
      title={t('answered.title', { number: fmt.phone(c?.from) })}
      className="sim-answered"
      actions={c ? <Badge tone={live ? 'accent' : 'neutral'}>{statusLabel(t, c.status)}</Badge> : undefined}
    >
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {c ? <CallTranscript entries={c.transcript} /> : null}
      {waiting?.verb === 'gather' ? <Keypad busy={move.isPending} finishOnKey={waiting.finishOnKey} onKeys={(digits) => move.mutate({ kind: 'digits', digits })} /> : null}
      {waiting?.verb === 'bridged' ? (
        <p className="sim-call-state sim-call-state--connected">
          <span className="sim-call-state__text">{t('answered.connected', { number: fmt.phone(waiting.number) })}</span> <ConnectedTimer since={waiting.since} />
        </p>
      ) : null}
      <div className="button-row">
        {waiting?.verb === 'gather' ? (
          <Button busy={move.isPending} onClick={() => move.mutate({ kind: 'silence' })}>
            {t('call.silence')}
          </Button>
        ) : null}
        {live ? (
          <Button variant="danger" busy={move.isPending} onClick={() => move.mutate({ kind: 'hangup' })}>
            {t('call.hangUp')}
          </Button>
        ) : (
          <Button onClick={onClose}>{t('answered.close')}</Button>
        )}
      </div>
    </Panel>
  );
}

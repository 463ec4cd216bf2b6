import { useTranslation } from 'react-i18next';
import type { SimulatorMessage } from '../../../../contracts/simulator.ts';
import { Badge } from '../../ui/Badge.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { statusLabel } from './status-label.ts';

/** One text. "Sent by" is spelled out, so side and colour are never the only cue. */
export function SmsBubble({ message: m }: { message: SimulatorMessage }) {
  const { t } = useTranslation('simulator');
  const fmt = useFormat();
  const mine = m.direction === 'inbound';
  const failed = m.errorCode !== null || m.status === 'undelivered' || m.status === 'failed';
  return (
    <li className={`sim-bubble ${mine ? 'sim-bubble--mine' : 'sim-bubble--haven'}`}>
      <p className="sim-bubble__who">
        {mine ? t('sms.fromMe') : t('sms.fromHaven', { phone: m.from })} · <time dateTime={m.createdAt}>{fmt.dateTime(m.createdAt)}</time>
      </p>
      <p className="sim-bubble__body">{m.body}</p>
      <p className="sim-bubble__status">
        <Badge tone={failed ? 'negative' : m.status === 'delivered' || m.status === 'received' ? 'positive' : 'neutral'}>{statusLabel(t, m.status)}</Badge>
        {m.errorCode !== null ? ` ${t('sms.errorCode', { code: m.errorCode })}` : null}
      </p>
    </li>
  );
}

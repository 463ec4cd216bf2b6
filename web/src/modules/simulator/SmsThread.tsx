import { useTranslation } from 'react-i18next';
import { Panel } from '../../ui/Panel.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { SmsBubble } from './SmsBubble.tsx';
import { SmsCompose } from './SmsCompose.tsx';
import { useThread } from './simulator.api.ts';

/** The member phone's texts with Haven: the member's on the right, Haven's on the left. */
export function SmsThread({ phone, haven }: { phone: string | null; haven: string }) {
  const { t } = useTranslation('simulator');
  const thread = useThread(phone);
  const messages = (thread.data?.items ?? []).filter((m) => !haven || m.from === haven || m.to === haven);
  return (
    <Panel title={t('sms.title')}>
      {!phone ? <p className="muted">{t('phone.needMine')}</p> : null}
      {thread.isPending && phone ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {thread.error ? <Alert tone="error">{thread.error.message}</Alert> : null}
      {phone && thread.data ? (
        // Focusable: a long thread scrolls inside the panel, and keyboard users must be able to scroll it too.
        <ol className="sim-thread" aria-live="polite" aria-label={t('sms.threadLabel')} tabIndex={0}>
          {messages.length === 0 ? <li className="muted">{t('sms.empty')}</li> : null}
          {messages.map((m) => (
            <SmsBubble key={m.id} message={m} />
          ))}
        </ol>
      ) : null}
      {phone ? <SmsCompose phone={phone} haven={haven} /> : null}
    </Panel>
  );
}

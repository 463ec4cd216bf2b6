import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { CallPanel } from './CallPanel.tsx';
import { EmailOutbox } from './EmailOutbox.tsx';
import { FailureControl } from './FailureControl.tsx';
import { IncomingCalls } from './IncomingCalls.tsx';
import { PhonePicker } from './PhonePicker.tsx';
import { SmsThread } from './SmsThread.tsx';
import { isE164, storedPhone, storePhone } from './my-phone.ts';
import './simulator.css';

type View = 'phone' | 'email';

/**
 * Play a phone against Haven's numbers — a community member's, or a hotline responder's that
 * Haven's IVR rings — and read the email simulator's outbox.
 */
export function SimulatorPage() {
  const { t } = useTranslation('simulator');
  const [view, setView] = useState<View>('phone');
  const [myPhone, setMyPhone] = useState(storedPhone);
  const [haven, setHaven] = useState('');
  const phone = isE164(myPhone) ? myPhone : null;

  const changePhone = (p: string) => {
    setMyPhone(p);
    if (isE164(p)) storePhone(p);
  };

  return (
    <>
      <PageHeading title={t('title')} description={t('intro')} />
      <div className="sim-views" role="group" aria-label={t('views.label')}>
        {(['phone', 'email'] as const).map((v) => (
          <button key={v} type="button" className="btn btn--secondary" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`views.${v}`)}
          </button>
        ))}
      </div>
      {view === 'email' ? (
        <EmailOutbox />
      ) : (
        <>
          <PhonePicker myPhone={myPhone} onMyPhone={changePhone} haven={haven} onHaven={setHaven} />
          <IncomingCalls key={phone ?? ''} phone={phone} />
          <div className="sim-grid">
            <SmsThread phone={phone} haven={haven} />
            <CallPanel phone={phone} haven={haven} />
          </div>
          <FailureControl phone={phone} />
        </>
      )}
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** The phone keypad for a Gather: keys collect, then "Send keys" (or the finish key) answers. */
export function Keypad({ onKeys, busy, finishOnKey }: { onKeys: (digits: string) => void; busy: boolean; finishOnKey: string }) {
  const { t } = useTranslation('simulator');
  const [keys, setKeys] = useState('');
  const press = (k: string) => {
    // The finish key ends the entry at once, as on a real call.
    if (finishOnKey && finishOnKey.includes(k)) {
      onKeys(keys + k);
      setKeys('');
    } else setKeys((s) => s + k);
  };
  return (
    <div className="sim-keypad-wrap">
      <p className="sim-keypad__entered" aria-live="polite">
        {t('call.entered', { keys: keys || '—' })}
      </p>
      <div className="sim-keypad" role="group" aria-label={t('call.keypad')}>
        {KEYS.map((k) => (
          <button key={k} type="button" className="btn btn--secondary sim-keypad__key" disabled={busy} onClick={() => press(k)}>
            {k}
          </button>
        ))}
      </div>
      <div className="button-row">
        <Button
          variant="primary"
          busy={busy}
          disabled={!keys}
          onClick={() => {
            onKeys(keys);
            setKeys('');
          }}
        >
          {t('call.sendKeys')}
        </Button>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Panel } from '../../ui/Panel.tsx';

/**
 * The recovery codes, shown this once. Continuing needs an explicit "I saved them", because
 * a lost phone without these codes means an administrator has to step in.
 */
export function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => void }) {
  const { t } = useTranslation('auth');
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false); // clipboard refused (permissions): the codes stay on screen to copy by hand
    }
  };

  return (
    <Panel title={t('recovery.title')}>
      <Alert tone="success">{t('recovery.enabled')}</Alert>
      <p>{t('recovery.intro')}</p>
      <ul className="code-list" aria-label={t('recovery.listLabel')}>
        {codes.map((c) => (
          <li key={c} translate="no">
            {c}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <Button onClick={() => void copy()}>{t('recovery.copy')}</Button>
        {copied ? <span role="status">{t('recovery.copied')}</span> : null}
      </div>
      <Checkbox label={t('recovery.savedCheck')} checked={saved} onChange={(e) => setSaved(e.target.checked)} />
      <div className="button-row">
        <Button variant="primary" disabled={!saved} onClick={onContinue}>
          {t('recovery.continue')}
        </Button>
      </div>
    </Panel>
  );
}

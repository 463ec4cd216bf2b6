import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';

/** The emergency flag, with what it does and does not do said plainly beside it. */
export function EmergencyField({ checked, onChange, error, disabled }: { checked: boolean; onChange: (v: boolean) => void; error?: string; disabled?: boolean }) {
  const { t } = useTranslation('alerts');
  return (
    <div className="alerts-emergency">
      <Checkbox label={t('fields.emergency')} hint={t('fields.emergencyHint')} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {checked ? <Alert tone="warning">{t('fields.emergencyWarning')}</Alert> : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';

/** Said before the form and again after it: a form is the wrong way to report a detention happening now. */
export function EmergencyNote() {
  const { t } = useTranslation('help');
  return (
    <Alert tone="warning" title={t('emergency.title')} className="help-emergency">
      {t('emergency.body')}
    </Alert>
  );
}

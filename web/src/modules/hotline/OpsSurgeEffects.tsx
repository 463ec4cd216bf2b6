import { useTranslation } from 'react-i18next';

/** What surge mode changes, in one list used by the panel and the confirmation dialog alike. */
export function OpsSurgeEffects() {
  const { t } = useTranslation('hotline');
  return (
    <ul className="ops-surge__effects">
      <li>{t('ops.surge.effectCallers')}</li>
      <li>{t('ops.surge.effectTexters')}</li>
      <li>{t('ops.surge.effectQueue')}</li>
    </ul>
  );
}

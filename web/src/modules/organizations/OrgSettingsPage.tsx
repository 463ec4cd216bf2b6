import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { OrgSettingsForm } from './OrgSettingsForm.tsx';
import { useOrgSettings } from './organizations.api.ts';

export function OrgSettingsPage() {
  const { t } = useTranslation('organizations');
  const settings = useOrgSettings();
  return (
    <>
      <PageHeading title={t('settings.title')} description={settings.data?.name} />
      {settings.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {settings.error ? <Alert tone="error">{settings.error.message}</Alert> : null}
      {settings.data ? <OrgSettingsForm settings={settings.data} /> : null}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useCan } from '../auth/session.ts';
import { RoleMatrixTable } from './RoleMatrixTable.tsx';
import { useRoleMatrix } from './organizations.api.ts';

export function RolesPage() {
  const { t } = useTranslation('organizations');
  const canManage = useCan('roles.manage');
  const matrix = useRoleMatrix();
  return (
    <>
      <PageHeading title={t('roles.title')} description={canManage ? t('roles.intro') : t('roles.readOnlyIntro')} />
      {matrix.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {matrix.error ? <Alert tone="error">{matrix.error.message}</Alert> : null}
      {matrix.data ? <RoleMatrixTable matrix={matrix.data} editable={canManage} /> : null}
    </>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../modules/auth/session.ts';
import { Alert } from '../ui/Alert.tsx';
import { ButtonLink } from '../ui/ButtonLink.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { paths } from './paths.ts';

/** A page the current role may not use says so (the server refuses too; this only saves a trip). */
export function RequirePermission({ action, children }: { action: string; children: ReactNode }) {
  const { t } = useTranslation();
  if (useCan(action)) return <>{children}</>;
  return (
    <>
      <PageHeading title={t('noAccess.title')} />
      <Alert tone="warning" actions={<ButtonLink to={paths.home}>{t('actions.goHome')}</ButtonLink>}>
        {t('noAccess.body', { action: t(`permissions.${action}`, { defaultValue: action }) })}
      </Alert>
    </>
  );
}

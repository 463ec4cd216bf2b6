import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../ui/ButtonLink.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { paths } from './paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} description={t('notFound.body')} />
      <ButtonLink to={paths.home} variant="primary">
        {t('actions.goHome')}
      </ButtonLink>
    </>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';

/**
 * The frame around immigration status, A-number and date of birth, in the form and on the
 * card. It says in words (not only colour) that these are protected and their reads audited.
 */
export function SensitiveFieldset({ children, as = 'fieldset' }: { children: ReactNode; as?: 'fieldset' | 'section' }) {
  const { t } = useTranslation('people');
  const title = (
    <>
      <Icon name="lock" />{' '}
      {t('sensitive.title')}
    </>
  );
  if (as === 'section') {
    return (
      <section className="secret-section" aria-labelledby="sensitive-title" data-testid="sensitive-section">
        <h2 className="secret-section__title" id="sensitive-title">
          {title}
        </h2>
        <p className="secret-section__note">{t('sensitive.readNote')}</p>
        {children}
      </section>
    );
  }
  return (
    <fieldset className="secret-section fieldset span-all" data-testid="sensitive-section">
      <legend className="secret-section__title">{title}</legend>
      <p className="secret-section__note">{t('sensitive.writeNote')}</p>
      {children}
    </fieldset>
  );
}

import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../modules/auth/session.ts';
import { visibleNavItems } from './nav-items.ts';

/** Only the sections the current role may open. */
export function MainNav() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {visibleNavItems(permissions).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

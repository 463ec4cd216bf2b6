import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { AccountMenu } from '../modules/auth/AccountMenu.tsx';
import { useSession } from '../modules/auth/session.ts';
import { Icon } from '../ui/Icon.tsx';
import { AffiliateSwitcher } from './AffiliateSwitcher.tsx';
import { BrandLink } from './BrandLink.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { MainNav } from './MainNav.tsx';
import { SkipLink } from './SkipLink.tsx';
import { useFocusOnNavigation } from './use-focus-on-navigation.ts';

/**
 * The signed-in frame. On phones the navigation and tools fold behind a Menu button; on
 * wide screens they sit in the header. The current organization is always visible, since
 * staff of several affiliates must never wonder whose records they are looking at.
 */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const currentOrg = session.memberships.find((m) => m.orgId === session.currentOrgId);

  useEffect(() => setMenuOpen(false), [location.pathname]);
  useFocusOnNavigation(mainRef);

  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__bar">
          <BrandLink />
          <span className="app-header__org" data-testid="current-org">
            {currentOrg?.orgName}
          </span>
          <button type="button" className="btn menu-toggle" aria-expanded={menuOpen} aria-controls="app-menu" onClick={() => setMenuOpen((o) => !o)}>
            <Icon name={menuOpen ? 'close' : 'menu'} />
            {t('nav.menu')}
          </button>
        </div>
        <div className="app-menu" id="app-menu" data-open={menuOpen}>
          <div className="app-menu__inner">
            <MainNav />
            <div className="header-tools">
              <AffiliateSwitcher />
              <LanguageSwitcher />
              <AccountMenu />
            </div>
          </div>
        </div>
      </header>
      <main className="app-main" id="main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
    </div>
  );
}

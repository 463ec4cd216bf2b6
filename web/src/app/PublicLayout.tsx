import { Outlet } from 'react-router';
import { BrandLink } from './BrandLink.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SkipLink } from './SkipLink.tsx';

/** Frame of the pages before the app (sign-in, two-factor, password reset): brand and language only. */
export function PublicLayout() {
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header public-header">
        <div className="app-header__bar">
          <BrandLink />
          <LanguageSwitcher />
        </div>
      </header>
      <main className="public-main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

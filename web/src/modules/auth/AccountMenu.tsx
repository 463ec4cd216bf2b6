import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../../app/paths.ts';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { useSession } from './session.ts';
import { useSignOut } from './use-sign-out.ts';

/** Who is signed in, and the ways out: this device, or every device (a lost phone, a shared computer). */
export function AccountMenu() {
  const { t } = useTranslation('auth');
  const session = useSession();
  const signOut = useSignOut();
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  // A disclosure, not a popup menu: it closes when the page changes or on Escape.
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  const role = session.role ? t(`roleNames.${session.role}`, { ns: 'common', defaultValue: session.role }) : null;

  return (
    <details
      className="account-menu"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        <span className="visually-hidden">{t('account.menuLabel')}: </span>
        <Icon name="user" />
        {session.user.displayName}
      </summary>
      <div className="account-menu__panel">
        <p className="account-menu__who">
          {session.user.email}
          {role ? (
            <>
              <br />
              {t('account.role', { role })}
            </>
          ) : null}
          <br />
          {session.user.mfaEnabled ? t('account.mfaOn') : t('account.mfaOff')}
        </p>
        {!session.user.mfaEnabled ? <Link to={paths.mfaEnrol}>{t('account.setUpMfa')}</Link> : null}
        {signOut.error ? (
          <p className="field__error" role="alert">
            {signOut.error.message}
          </p>
        ) : null}
        <Button variant="quiet" onClick={() => signOut.mutate('this-device')} busy={signOut.isPending && signOut.variables === 'this-device'}>
          {t('account.signOut')}
        </Button>
        <Button variant="quiet" onClick={() => signOut.mutate('everywhere')} busy={signOut.isPending && signOut.variables === 'everywhere'}>
          {t('account.signOutEverywhere')}
        </Button>
      </div>
    </details>
  );
}

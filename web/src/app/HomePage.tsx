import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useSession } from '../modules/auth/session.ts';
import { Alert } from '../ui/Alert.tsx';
import { ButtonLink } from '../ui/ButtonLink.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { visibleNavItems } from './nav-items.ts';
import { paths } from './paths.ts';

/** Where a signed-in user lands: who and where they are, and the sections they can open. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const org = session.memberships.find((m) => m.orgId === session.currentOrgId);
  const sections = visibleNavItems(session.permissions).filter((i) => i.to !== paths.home);
  // No membership anywhere: a provider of the legal network, whose place is the attorney portal.
  if (session.memberships.length === 0) return <Navigate to={paths.portal} replace />;

  return (
    <>
      <PageHeading
        title={t('home.title', { name: session.user.displayName })}
        description={org ? t('home.workingIn', { org: org.orgName, role: t(`roleNames.${org.role}`, { defaultValue: org.role }) }) : undefined}
      />
      {!org ? <Alert tone="warning">{t('home.noOrg')}</Alert> : null}
      {!session.user.mfaEnabled ? (
        <Alert tone="info" title={t('home.mfaSuggestTitle')} actions={<ButtonLink to={paths.mfaEnrol}>{t('home.mfaSuggestAction')}</ButtonLink>}>
          {t('home.mfaSuggestBody')}
        </Alert>
      ) : null}
      {sections.length > 0 ? (
        <section aria-labelledby="home-sections">
          <h2 id="home-sections">{t('home.sections')}</h2>
          <ul className="link-list">
            {sections.map((s) => (
              <li key={s.to}>
                <Link className="link-card" to={s.to}>
                  <strong>{t(s.labelKey)}</strong>
                  <span>{t(`${s.labelKey}Hint`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

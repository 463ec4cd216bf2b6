import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { isApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { languageName } from './language-name.ts';
import { usePortalReferrals } from './portal.api.ts';
import { referralTone } from './referral-status.ts';
import './portal.css';

/**
 * The attorney portal's first page: every referral sent to me, newest first, as cards (a
 * phone is the usual screen). Who sent it, what kind of matter, in which language, where it
 * stands, and the names of the people involved: nothing else until the conflict check.
 */
export function PortalListPage() {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const fmt = useFormat();
  const query = usePortalReferrals();

  const heading = <PageHeading title={t('list.title')} description={t('list.intro')} />;
  if (query.isPending) return <>{heading}<Loading label={t('status.loading', { ns: 'common' })} /></>;
  if (query.isError) {
    // 404: a signed-in user who is not a provider (the server's answer to everyone else).
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <>
          {heading}
          <Alert tone="info">{t('list.notProvider')}</Alert>
        </>
      );
    }
    return (
      <>
        {heading}
        <Alert tone="error" actions={<Button onClick={() => void query.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {query.error.message}
        </Alert>
      </>
    );
  }
  const items = query.data.items;

  return (
    <>
      {heading}
      {items.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <ul className="portal-list" aria-label={t('list.title')}>
          {items.map((r) => {
            const names = r.parties.map((p) => p.name).join(', ') || '—';
            return (
              <li key={r.id} className="portal-card" data-testid="portal-referral" data-status={r.status}>
                <h2 className="portal-card__title">
                  <Link to={paths.portalReferral(r.id)} data-testid="portal-referral-link">
                    {names}
                  </Link>
                </h2>
                <p className="portal-card__status">
                  <Badge tone={referralTone(r.status)}>{t(`statuses.${r.status}`, { defaultValue: r.status })}</Badge>
                </p>
                <dl className="details portal-card__details">
                  <div className="details__row">
                    <dt>{t('list.affiliate')}</dt>
                    <dd>{r.affiliate.name}</dd>
                  </div>
                  <div className="details__row">
                    <dt>{t('list.caseType')}</dt>
                    <dd>{t(`types.${r.caseType}`, { ns: 'cases', defaultValue: r.caseType })}</dd>
                  </div>
                  <div className="details__row">
                    <dt>{t('list.language')}</dt>
                    <dd>{languageName(r.lang, lang)}</dd>
                  </div>
                  <div className="details__row">
                    <dt>{t('list.sentAt')}</dt>
                    <dd>{fmt.dateTime(r.sentAt)}</dd>
                  </div>
                  {r.consultationAt ? (
                    <div className="details__row">
                      <dt>{t('list.consultation')}</dt>
                      <dd>{fmt.dateTime(r.consultationAt)}</dd>
                    </div>
                  ) : r.consultBy ? (
                    <div className="details__row">
                      <dt>{t('list.consultBy')}</dt>
                      <dd>{fmt.dateTime(r.consultBy)}</dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

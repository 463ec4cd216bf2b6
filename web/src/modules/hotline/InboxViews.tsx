import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import type { InboxFilters } from './hotline.api.ts';
import { ASSIGNED, paramsFromFilters } from './inbox-options.ts';

/** Mine / Unassigned / All: links (they change the URL), the current one marked for assistive tech too. */
export function InboxViews({ filters }: { filters: InboxFilters }) {
  const { t } = useTranslation('hotline');
  return (
    <nav className="inbox-views" aria-label={t('inbox.views.label')}>
      <ul>
        {ASSIGNED.map((a) => {
          const qs = paramsFromFilters({ ...filters, assigned: a }).toString();
          const current = filters.assigned === a;
          return (
            <li key={a}>
              <Link to={qs ? `${paths.hotline}?${qs}` : paths.hotline} replace aria-current={current ? 'page' : undefined} className="inbox-views__link">
                {t(`inbox.views.${a}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

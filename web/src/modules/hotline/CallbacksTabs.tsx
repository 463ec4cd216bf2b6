import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import type { CallbackStatus } from './hotline-admin.api.ts';

const TABS: CallbackStatus[] = ['open', 'done'];

/** Waiting / Done: links (the choice lives in the URL), the current one marked for assistive tech too. */
export function CallbacksTabs({ status }: { status: CallbackStatus }) {
  const { t } = useTranslation('hotline');
  return (
    <nav className="inbox-views" aria-label={t('callbacks.tabs.label')}>
      <ul>
        {TABS.map((s) => (
          <li key={s}>
            <Link
              to={s === 'open' ? paths.hotlineCallbacks : `${paths.hotlineCallbacks}?status=done`}
              replace
              aria-current={s === status ? 'page' : undefined}
              className="inbox-views__link"
            >
              {t(`callbacks.tabs.${s}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

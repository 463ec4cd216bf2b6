import { useTranslation } from 'react-i18next';
import type { Alert as AlertT, AlertVersion } from '../../../../contracts/alerts.ts';
import type { Lang } from '../../../../contracts/common.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { useCan } from '../auth/session.ts';
import { reviewActions, type ReviewAction } from './alert-actions.ts';
import { alertsApi, useAlertChange } from './alerts.api.ts';
import { TranslationStatusBadge } from './AlertStatusBadge.tsx';

/** A translation's status (draft / needs review / approved, by whom and when) and the buttons that move it. */
export function TranslationReview({ alert, lang, version, hasText, busy }: { alert: AlertT; lang: Lang; version: AlertVersion | undefined; hasText: boolean; busy?: boolean }) {
  const { t } = useTranslation('alerts');
  const fmt = useFormat();
  const can = { write: useCan('alerts.write'), approve: useCan('alerts.approve') };
  const review = useAlertChange(alert.id, (status: ReviewAction, expectedVersion) => alertsApi.review(alert.id, lang, status, expectedVersion));
  const status = version?.status ?? 'draft';
  const actions = reviewActions(alert.status, { status }, can, hasText);
  const name = LANGUAGE_NAMES[lang];
  return (
    <div className="translation-review" data-testid={`translation-${lang}`} data-status={status}>
      <p className="translation-review__status">
        <span className="translation-review__label">{t('translation.label')}</span> <TranslationStatusBadge status={status} />
        {version?.reviewedBy && version.reviewedAt ? (
          <span className="muted"> {t('translation.reviewedBy', { name: version.reviewedBy.name, at: fmt.dateTime(version.reviewedAt) })}</span>
        ) : null}
      </p>
      {actions.length > 0 ? (
        <div className="button-row">
          {actions.map((a) => (
            <Button
              key={a}
              variant={a === 'approved' ? 'primary' : 'secondary'}
              busy={review.isPending && review.variables === a}
              disabled={review.isPending || busy}
              onClick={() => review.mutate(a)}
              aria-label={t(`translation.actionsFor.${a}`, { lang: name })}
            >
              {t(`translation.actions.${a}`)}
            </Button>
          ))}
        </div>
      ) : null}
      {review.error ? <Alert tone="error">{review.error.message}</Alert> : null}
    </div>
  );
}

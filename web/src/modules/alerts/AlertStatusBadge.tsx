import { useTranslation } from 'react-i18next';
import type { AlertStatus, TranslationStatus } from '../../../../contracts/alerts.ts';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';

const TONES: Record<AlertStatus, BadgeTone> = {
  draft: 'neutral',
  in_review: 'caution',
  approved: 'accent',
  scheduled: 'accent',
  sending: 'caution',
  paused: 'caution',
  sent: 'positive',
  canceled: 'negative',
};

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useTranslation('alerts');
  return (
    <span data-testid="alert-status" data-status={status}>
      <Badge tone={TONES[status]}>{t(`statuses.${status}`)}</Badge>
    </span>
  );
}

const TRANSLATION_TONES: Record<TranslationStatus, BadgeTone> = { draft: 'neutral', needs_review: 'caution', approved: 'positive' };

export function TranslationStatusBadge({ status }: { status: TranslationStatus }) {
  const { t } = useTranslation('alerts');
  return <Badge tone={TRANSLATION_TONES[status]}>{t(`translation.statuses.${status}`)}</Badge>;
}

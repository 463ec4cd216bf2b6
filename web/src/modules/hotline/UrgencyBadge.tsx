import { useTranslation } from 'react-i18next';
import type { Urgency } from '../../../../contracts/hotline.ts';
import { Badge } from '../../ui/Badge.tsx';

const MARK: Record<Urgency, string> = { emergency: '⚠ ', urgent: '! ', routine: '' };

/** Emergency is said in words and with a mark, never by colour alone. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation('hotline');
  return (
    <Badge tone={urgency === 'emergency' ? 'negative' : urgency === 'urgent' ? 'caution' : 'neutral'}>
      {MARK[urgency] ? <span aria-hidden="true">{MARK[urgency]}</span> : null}
      {t(`inbox.urgencies.${urgency}`)}
    </Badge>
  );
}

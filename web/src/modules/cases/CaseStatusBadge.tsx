import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../contracts/cases.ts';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';

const TONES: Record<CaseStatus, BadgeTone> = { open: 'accent', screening: 'caution', in_progress: 'caution', referred: 'neutral', filed: 'positive', closed: 'neutral' };

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation('cases');
  return <Badge tone={TONES[status]}>{t(`statuses.${status}`)}</Badge>;
}

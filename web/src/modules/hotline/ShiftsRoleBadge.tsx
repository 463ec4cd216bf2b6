import { useTranslation } from 'react-i18next';
import type { ShiftRole } from '../../../../contracts/hotline-shifts.ts';
import { Badge } from '../../ui/Badge.tsx';

const TONE = { primary: 'positive', backup: 'neutral', coordinator: 'accent' } as const;

/** A shift role in words (primary, backup, coordinator). */
export function ShiftsRoleBadge({ role }: { role: ShiftRole }) {
  const { t } = useTranslation('hotline');
  return <Badge tone={TONE[role]}>{t(`shifts.roles.${role}`)}</Badge>;
}

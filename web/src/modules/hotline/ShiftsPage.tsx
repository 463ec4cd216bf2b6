import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ResponderAdminPanel } from './ResponderAdminPanel.tsx';
import { ResponderProfilePanel } from './ResponderProfilePanel.tsx';
import { ShiftsManagePanel } from './ShiftsManagePanel.tsx';
import { ShiftsOnCallPanel } from './ShiftsOnCallPanel.tsx';
import { ShiftsWeek } from './ShiftsWeek.tsx';
import './shifts.css';

/**
 * On-call shifts: who answers now (and which languages nobody does), the week ahead, my own
 * profile, calendar link and time off; coordinators also set up shifts, overrides and
 * responders.
 */
export function ShiftsPage() {
  const { t } = useTranslation('hotline');
  const coordinates = useCan('hotline.coordinate');
  return (
    <>
      <PageHeading title={t('shifts.title')} description={t('shifts.intro')} />
      <ShiftsOnCallPanel />
      <ShiftsWeek />
      {coordinates ? <ShiftsManagePanel /> : null}
      <ResponderProfilePanel />
      {coordinates ? <ResponderAdminPanel /> : null}
    </>
  );
}

import { alertPaths } from '../modules/alerts/alert-paths.ts';
import { paths } from './paths.ts';

export interface NavItem {
  to: string;
  /** Key in the common namespace, or "ns:key" for a module's own namespace. */
  labelKey: string;
  /** Shown only when the current role holds this action; none = always. */
  action?: string;
  /** Match only the exact path (home), not its children. */
  end?: boolean;
  /** Shown only to a user with no role anywhere: a provider of the legal network in the attorney portal. */
  noRoleOnly?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: paths.home, labelKey: 'nav.home', end: true },
  // end: /hotline/shifts, /callbacks… are their own entries; marking both as the current page would mislead.
  { to: paths.hotline, labelKey: 'hotline:inbox.nav', action: 'hotline.respond', end: true },
  { to: paths.hotlineCallbacks, labelKey: 'hotline:callbacks.nav', action: 'hotline.respond' },
  { to: paths.hotlineShifts, labelKey: 'hotline:shifts.nav', action: 'hotline.respond' },
  { to: paths.hotlineOps, labelKey: 'hotline:ops.nav', action: 'hotline.coordinate' },
  { to: paths.hotlineReports, labelKey: 'hotline:reports.nav', action: 'hotline.reports' },
  { to: paths.hotlineCanned, labelKey: 'hotline:canned.nav', action: 'hotline.coordinate' },
  { to: paths.cases, labelKey: 'cases:nav.list', action: 'cases.read' },
  { to: paths.dacaRenewals, labelKey: 'cases:nav.renewals', action: 'cases.read' },
  { to: paths.clinicDay, labelKey: 'cases:nav.clinic', action: 'cases.write' },
  { to: paths.caseReports, labelKey: 'cases:nav.reports', action: 'cases.reports' },
  { to: paths.dacaReference, labelKey: 'cases:nav.reference', action: 'cases.read' },
  { to: alertPaths.list, labelKey: 'alerts:nav.list', action: 'alerts.write' },
  { to: '/alerts/subscribers', labelKey: 'alerts-subscribers:nav', action: 'alerts.subscribers' },
  { to: paths.people, labelKey: 'nav.people', action: 'people.read' },
  { to: paths.members, labelKey: 'nav.members', action: 'members.read' },
  { to: paths.roles, labelKey: 'nav.roles', action: 'members.read' },
  { to: paths.settings, labelKey: 'nav.settings', action: 'org.settings' },
  { to: paths.apiTokens, labelKey: 'nav.apiTokens', action: 'tokens.manage' },
  { to: paths.audit, labelKey: 'nav.audit', action: 'audit.read' },
  { to: paths.simulator, labelKey: 'nav.simulator', action: 'simulator.use' },
  { to: paths.messagingSettings, labelKey: 'messaging:nav.settings', action: 'messaging.settings' },
  { to: paths.messagingQueue, labelKey: 'messaging:nav.queue', action: 'messaging.queue' },
  { to: paths.portal, labelKey: 'portal:nav.list', noRoleOnly: true },
];

export const visibleNavItems = (permissions: readonly string[]) =>
  NAV_ITEMS.filter((i) => (i.noRoleOnly ? permissions.length === 0 : !i.action || permissions.includes(i.action)));

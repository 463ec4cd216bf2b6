import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AuditPage } from '../modules/audit/AuditPage.tsx';
import { HelpPage } from '../modules/help/HelpPage.tsx';
import { MfaEnrolPage } from '../modules/auth/MfaEnrolPage.tsx';
import { MfaVerifyPage } from '../modules/auth/MfaVerifyPage.tsx';
import { PasswordResetCompletePage } from '../modules/auth/PasswordResetCompletePage.tsx';
import { PasswordResetRequestPage } from '../modules/auth/PasswordResetRequestPage.tsx';
import { SignInPage } from '../modules/auth/SignInPage.tsx';
import { ApiTokensPage } from '../modules/organizations/ApiTokensPage.tsx';
import { MembersPage } from '../modules/organizations/MembersPage.tsx';
import { OrgSettingsPage } from '../modules/organizations/OrgSettingsPage.tsx';
import { RolesPage } from '../modules/organizations/RolesPage.tsx';
import { PeopleListPage } from '../modules/people/PeopleListPage.tsx';
import { PersonDetailPage } from '../modules/people/PersonDetailPage.tsx';
import { PersonFormPage } from '../modules/people/PersonFormPage.tsx';
import { SimulatorPage } from '../modules/simulator/SimulatorPage.tsx';
import { MessagingSettingsPage } from '../modules/messaging/MessagingSettingsPage.tsx';
import { QueuePage } from '../modules/messaging/QueuePage.tsx';
import { ConversationPage } from '../modules/hotline/ConversationPage.tsx';
import { InboxPage } from '../modules/hotline/InboxPage.tsx';
import { ShiftsPage } from '../modules/hotline/ShiftsPage.tsx';
import { CallbacksPage } from '../modules/hotline/CallbacksPage.tsx';
import { OpsPage } from '../modules/hotline/OpsPage.tsx';
import { ReportsPage } from '../modules/hotline/ReportsPage.tsx';
import { CannedPage } from '../modules/hotline/CannedPage.tsx';
import { TransferPage } from '../modules/hotline/TransferPage.tsx';
import { CaseDetailPage } from '../modules/cases/CaseDetailPage.tsx';
import { CasesListPage } from '../modules/cases/CasesListPage.tsx';
import { CaseReportsPage } from '../modules/cases/CaseReportsPage.tsx';
import { ClinicDayPage } from '../modules/cases/ClinicDayPage.tsx';
import { DacaReferencePage } from '../modules/cases/DacaReferencePage.tsx';
import { DacaRenewalsPage } from '../modules/cases/DacaRenewalsPage.tsx';
import { PortalListPage } from '../modules/portal/PortalListPage.tsx';
import { PortalReferralPage } from '../modules/portal/PortalReferralPage.tsx';
import { AlertPage } from '../modules/alerts/AlertPage.tsx';
import { AlertsListPage } from '../modules/alerts/AlertsListPage.tsx';
import { NewAlertPage } from '../modules/alerts/NewAlertPage.tsx';
import { AlertsSignupPage } from '../modules/alerts/public/AlertsSignupPage.tsx';
import { PreferencesPage as AlertPreferencesPage } from '../modules/alerts/public/PreferencesPage.tsx';
import { SignupConfirmPage } from '../modules/alerts/public/SignupConfirmPage.tsx';
import { SubscribersPage } from '../modules/alerts/subscribers/SubscribersPage.tsx';
import { AppShell } from './AppShell.tsx';
import { HomePage } from './HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { RequirePermission } from './RequirePermission.tsx';
import { RequireSession } from './RequireSession.tsx';
import { RouteError } from './RouteError.tsx';


const guarded = (action: string, element: ReactNode) => <RequirePermission action={action}>{element}</RequirePermission>;

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'mfa/verify', element: <MfaVerifyPage /> },
          { path: 'mfa/enrol', element: <MfaEnrolPage /> },
          { path: 'forgot-password', element: <PasswordResetRequestPage /> },
          { path: 'reset-password', element: <PasswordResetCompletePage /> },
          // The public help form: no sign-in, ever (the server's POST /p/help is public too).
          { path: 'p/help', element: <HelpPage /> },
          // Policy alerts: sign-up, the email confirmation link, the preferences link (public API under /p/alerts, see public-alerts.routes.ts).
          { path: 'p/alerts', element: <AlertsSignupPage /> },
          { path: 'p/alerts/confirm/:token', element: <SignupConfirmPage /> },
          { path: 'p/alerts/preferences/:token', element: <AlertPreferencesPage /> },
        ],
      },
      {
        element: (
          <RequireSession>
            <AppShell />
          </RequireSession>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'people', element: guarded('people.read', <PeopleListPage />) },
          { path: 'people/new', element: guarded('people.write', <PersonFormPage />) },
          { path: 'people/:id', element: guarded('people.read', <PersonDetailPage />) },
          { path: 'people/:id/edit', element: guarded('people.write', <PersonFormPage />) },
          { path: 'org/members', element: guarded('members.read', <MembersPage />) },
          { path: 'org/roles', element: guarded('members.read', <RolesPage />) },
          { path: 'org/settings', element: guarded('org.settings', <OrgSettingsPage />) },
          { path: 'org/api-tokens', element: guarded('tokens.manage', <ApiTokensPage />) },
          { path: 'audit', element: guarded('audit.read', <AuditPage />) },
          { path: 'simulator', element: guarded('simulator.use', <SimulatorPage />) },
          { path: 'org/messaging', element: guarded('messaging.settings', <MessagingSettingsPage />) },
          { path: 'messaging/queue', element: guarded('messaging.queue', <QueuePage />) },
          { path: 'hotline', element: guarded('hotline.respond', <InboxPage />) },
          // Before hotline/:id in reading order; react-router ranks the static segment first anyway.
          { path: 'hotline/shifts', element: guarded('hotline.respond', <ShiftsPage />) },
          { path: 'hotline/callbacks', element: guarded('hotline.respond', <CallbacksPage />) },
          // Everyone on the hotline may see how it is set; only coordinators change it (the page says so).
          { path: 'hotline/ops', element: guarded('hotline.respond', <OpsPage />) },
          { path: 'hotline/reports', element: guarded('hotline.reports', <ReportsPage />) },
          { path: 'hotline/canned', element: guarded('hotline.coordinate', <CannedPage />) },
          { path: 'hotline/transfers/:id', element: guarded('hotline.respond', <TransferPage />) },
          { path: 'hotline/:id', element: guarded('hotline.respond', <ConversationPage />) },
          { path: 'cases', element: guarded('cases.read', <CasesListPage />) },
          { path: 'cases/:id', element: guarded('cases.read', <CaseDetailPage />) },
          { path: 'reports/cases', element: guarded('cases.reports', <CaseReportsPage />) },
          { path: 'daca/renewals', element: guarded('cases.read', <DacaRenewalsPage />) },
          { path: 'daca/clinic', element: guarded('cases.read', <ClinicDayPage />) },
          { path: 'daca/reference', element: guarded('cases.read', <DacaReferencePage />) },
          { path: 'alerts', element: guarded('alerts.write', <AlertsListPage />) },
          { path: 'alerts/new', element: guarded('alerts.write', <NewAlertPage />) },
          { path: 'alerts/subscribers', element: guarded('alerts.subscribers', <SubscribersPage />) },
          { path: 'alerts/:id', element: guarded('alerts.write', <AlertPage />) },
          // The attorney portal: no affiliate permission to check; the server answers 404 to anyone who is not a provider.
          { path: 'portal', element: <PortalListPage /> },
          { path: 'portal/referrals/:id', element: <PortalReferralPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);

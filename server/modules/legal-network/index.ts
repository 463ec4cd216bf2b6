// The legal network's public surface: the directory and referrals (routes join caseRoutes in app.ts).
export * from './legal-network.table.ts';
// Referrals from cases and the attorney portal (docs/legal-network.md).
export { referralRoutes } from './referrals.routes.ts';
export { portalRoutes } from './portal.routes.ts';
export { escalateOverdueReferrals, startReferralWorkers } from './referral-escalation.ts';
export { rankProviders } from './referral-ranking.ts';
export { referralsRepo } from './referrals.repository.ts';

// The legal network's public surface: the directory and referrals (routes join caseRoutes in app.ts).
export * from './legal-network.table.ts';

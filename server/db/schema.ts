// Every table, for drizzle-kit and for typed queries. Tables live beside their module.
export * from '../modules/organizations/organizations.table.ts';
export * from '../modules/people/people.table.ts';
export * from '../platform/audit/audit.table.ts';
export * from '../platform/crypto/crypto.table.ts';
export * from '../integrations/email/email.table.ts';
export * from '../modules/messaging/messaging.table.ts';
export * from '../integrations/sms/simulator.table.ts';
export * from '../modules/hotline/hotline.table.ts';
export * from '../modules/cases/cases.table.ts';
export * from '../modules/cases/cases-settings.table.ts';
export * from '../modules/legal-network/legal-network.table.ts';
export * from '../modules/alerts/alerts.table.ts';

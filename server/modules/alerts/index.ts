// The alerts module's public surface: other modules and server/app.ts import only from here.
export * from './alerts.table.ts';
export { alertComposeRoutes } from './alerts.routes.ts';
export { alertSettingsRoutes } from './alert-settings.routes.ts';
// Subscribing (docs/alerts.md, "Subscribing"): public sign-up and preferences, the staff subscriber list and CSV import.
export { publicAlertRoutes } from './public-alerts.routes.ts';
export { subscriberRoutes } from './subscribers.routes.ts';
export { registerCsvBody } from './import-body.ts';
export { startConsentKeywordWorker } from './consent-keyword.ts';
export { preferencesUrl } from './preferences-link.ts';
export { alertSendingRoutes } from './alert-sending.routes.ts';
export { startAlertWorkers } from './alert-worker.ts';

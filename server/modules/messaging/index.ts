export { webhookRoutes } from './webhooks.routes.ts';
export { startSendWorkers } from './send-worker.ts';
export { enqueueMessages, type OutgoingMessage } from './enqueue-messages.ts';
export { recordConsent, consentFor } from './consent.ts';
export * from './messaging.table.ts';
export { messagingStaffRoutes } from './messaging-staff.routes.ts';
export { unsubscribeRoutes } from './unsubscribe.routes.ts';
export { registerUnsubscribeMultipart } from './unsubscribe-multipart.ts';
export { sendOutboxEmail } from './send-outbox-email.ts';

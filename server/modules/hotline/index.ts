import { cannedResponseRoutes } from './canned-responses.routes.ts';
import { helpFormRoutes } from './help-form.routes.ts';
import { conversationRoutes } from './hotline.routes.ts';

/** The hotline's public surface: conversations and the inbox API, the public help form, the intake worker. */
export const hotlineRoutes = [...conversationRoutes, ...cannedResponseRoutes, ...helpFormRoutes];
export { conversationRoutes, cannedResponseRoutes, helpFormRoutes };
export { startHotlineWorkers, takeInboundText } from './intake-sms.ts';
export { intakeMessage, type IntakeInput, type IntakeResult } from './intake.ts';
export { runEmergencyAlert, scheduleEmergencyAlert } from './emergency-alerts.ts';
export { EMERGENCY_ALERT_QUEUE, HOTLINE_QUEUES } from './emergency-alerts-queue.ts';
export { detectEmergency, detectLanguage } from './language-detect.ts';
export * from './hotline.table.ts';

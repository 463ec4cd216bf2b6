import type { Deps } from '../../platform/context.ts';
import { cannedResponseRoutes } from './canned-responses.routes.ts';
import { helpFormRoutes } from './help-form.routes.ts';
import { conversationRoutes } from './hotline.routes.ts';
import { startHotlineWorkers as startIntakeWorkers } from './intake-sms.ts';
import { startMissedCallWorker } from './missed-calls.ts';

/** The hotline's public surface: conversations and the inbox API, the public help form, the job workers. */
export const hotlineRoutes = [...conversationRoutes, ...cannedResponseRoutes, ...helpFormRoutes];
export { conversationRoutes, cannedResponseRoutes, helpFormRoutes };
export { takeInboundText } from './intake-sms.ts';
export { takeEndedCall } from './missed-calls.ts';
export { intakeMessage, type IntakeInput, type IntakeResult } from './intake.ts';
export { runEmergencyAlert, scheduleEmergencyAlert, usableSender } from './emergency-alerts.ts';
export { onCallResponders, type OnCall } from './on-call.ts';
export { EMERGENCY_ALERT_QUEUE, HOTLINE_QUEUES } from './emergency-alerts-queue.ts';
export { detectEmergency, detectLanguage } from './language-detect.ts';
export * from './hotline.table.ts';

/** The hotline's job loops (worker role): texts into conversations, emergency alerts, callbacks for calls nobody took. */
export async function startHotlineWorkers(deps: Deps) {
  await startIntakeWorkers(deps);
  await startMissedCallWorker(deps);
}

import type { TFunction } from 'i18next';

/**
 * A Twilio status of a text or call ("delivered", "in-progress") in the page's language:
 * the same words as the message history. A status with no translation shows as Twilio's word.
 */
export const statusLabel = (t: TFunction<'simulator'>, status: string): string =>
  t(`history.statuses.${status}`, { ns: 'messaging', defaultValue: status });

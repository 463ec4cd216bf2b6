/**
 * What one outbound SMS segment costs, as data with the date it was checked (DESIGN.md §4:
 * keep domain facts as data, re-check before relying on them).
 *
 * Source: Twilio's US SMS price list, https://www.twilio.com/en-us/sms/pricing/us
 * (outbound SMS to US numbers, per segment, pay-as-you-go, no volume discount). The figure
 * is the 2025 list price; the day it was read was not recorded, hence a year only.
 *
 * Excluded, and the UI says so: carrier pass-through fees (per segment, different for each
 * US carrier and for 10DLC, toll-free and short code), number rental, and volume discounts.
 */
export const PRICES_CHECKED_ON = '2025';

export const SMS_PRICES = {
  currency: 'USD' as const,
  /** US, outbound SMS, per segment. */
  usOutboundPerSegment: 0.0083,
};

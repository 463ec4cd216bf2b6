import type { Estimate, EstimateInput } from '../../../contracts/messaging.ts';
import { segmentInfo } from './segments.ts';
import { PRICES_CHECKED_ON, SMS_PRICES } from './sms-prices.ts';

/** Money in tenths of a cent is noise for one message but adds up over 10,000; round only at the end, to 1/10,000 of a dollar. */
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * What a text costs before it is sent: segments and encoding from Twilio's own calculator,
 * priced per segment (carriers bill segments, not messages). No I/O: nothing to audit.
 */
export async function estimateCost({ input }: { ctx?: unknown; input: EstimateInput }): Promise<Estimate> {
  const info = segmentInfo(input.body);
  const recipients = input.recipients ?? 1;
  const perMessage = info.segments * SMS_PRICES.usOutboundPerSegment;
  return {
    ...info,
    recipients,
    currency: SMS_PRICES.currency,
    pricePerSegment: SMS_PRICES.usOutboundPerSegment,
    costPerMessage: round4(perMessage),
    costTotal: round4(perMessage * recipients),
    pricesCheckedOn: PRICES_CHECKED_ON,
    carrierFeesIncluded: false,
  };
}

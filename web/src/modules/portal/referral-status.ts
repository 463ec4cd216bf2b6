import type { ReferralStatus } from '../../../../contracts/legal-network.ts';
import type { BadgeTone } from '../../ui/Badge.tsx';

/** Still in someone's hands (the server's LIVE_STATUSES): may be withdrawn by the affiliate. */
export const LIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'conflict_cleared', 'accepted', 'consultation_scheduled'];
/** The provider may read the details (the server's DETAIL_STATUSES). */
export const DETAIL_REFERRAL_STATUSES: readonly ReferralStatus[] = ['conflict_cleared', 'accepted', 'consultation_scheduled', 'completed'];

export const isLiveReferral = (s: string) => (LIVE_REFERRAL_STATUSES as readonly string[]).includes(s);
export const hasReferralDetails = (s: string) => (DETAIL_REFERRAL_STATUSES as readonly string[]).includes(s);

/** The badge's tone repeats what its word says: waiting, under way, done, or ended without help. */
export const referralTone = (status: string): BadgeTone =>
  status === 'declined' || status === 'withdrawn' ? 'negative' : status === 'completed' ? 'positive' : status === 'sent' ? 'caution' : 'accent';

import { IdParams } from '../../../contracts/common.ts';
import { PortalAnswer, PortalConflictAnswer, PortalConflictCheck, PortalReferral, PortalReferralDetail, PortalReferralList, ReferralDeclineInput, ReferralOutcomeInput, ReferralScheduleInput } from '../../../contracts/legal-network.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { checkConflicts, getReferralDetails, getReferralHeader, listMyReferrals } from './portal.ts';
import { acceptReferral, answerConflict, declineReferral, recordOutcome, scheduleConsultation } from './portal-answers.ts';

const tags = ['portal'];
/** Any signed-in user may ask; only a provider finds anything (everyone else: 404). */
const provider = { signedIn: true } as const;

/** The attorney portal: a provider's own referrals from every affiliate. */
export const portalRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/portal/referrals', tags, summary: "The provider's referrals: affiliate, kind of matter, language, status and the parties' names only", policy: provider,
    response: PortalReferralList,
    handler: ({ ctx }) => listMyReferrals({ ctx }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/portal/referrals/:id', tags, summary: 'A referral in full, once the conflict check is cleared (audited in the affiliate)', policy: provider,
    params: IdParams, response: PortalReferralDetail,
    handler: ({ ctx, params }) => getReferralDetails({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/portal/referrals/:id/header', tags, summary: "One referral as the list shows it, in any status: names only before the conflict check (audited in the case's affiliate alone)", policy: provider,
    params: IdParams, response: PortalReferral,
    handler: ({ ctx, params }) => getReferralHeader({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/portal/referrals/:id/conflicts', tags, summary: "Possible matches of the client among the provider's other referrals' parties", policy: provider,
    params: IdParams, response: PortalConflictCheck,
    handler: ({ ctx, params }) => checkConflicts({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/referrals/:id/conflict', tags, summary: 'Answer the conflict check: no conflict (matches acknowledged), or a conflict (declines)', policy: provider,
    params: IdParams, body: PortalConflictAnswer, response: PortalAnswer,
    handler: ({ ctx, params, body }) => answerConflict({ ctx, input: { ...body, ...params } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/referrals/:id/accept', tags, summary: 'Accept the referral (once)', policy: provider,
    params: IdParams, response: PortalAnswer,
    handler: ({ ctx, params }) => acceptReferral({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/referrals/:id/decline', tags, summary: 'Decline the referral with a reason', policy: provider,
    params: IdParams, body: ReferralDeclineInput, response: PortalAnswer,
    handler: ({ ctx, params, body }) => declineReferral({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/referrals/:id/consultation', tags, summary: 'Schedule (or move) the consultation of an accepted referral', policy: provider,
    params: IdParams, body: ReferralScheduleInput, response: PortalAnswer,
    handler: ({ ctx, params, body }) => scheduleConsultation({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/portal/referrals/:id/outcome', tags, summary: 'Record how it ended; completes the referral', policy: provider,
    params: IdParams, body: ReferralOutcomeInput, response: PortalAnswer,
    handler: ({ ctx, params, body }) => recordOutcome({ ctx, input: { ...params, ...body } }),
  }),
];

import { z } from 'zod';
import { ReferralList, ReferralSendInput, ReferralSent, ReferralSuggestions, ReferralWithdrawInput, Referral } from '../../../contracts/legal-network.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { listCaseReferrals, sendReferral, suggestReferrals, withdrawReferral } from './referrals.ts';

const tags = ['referrals'];
const CaseParams = z.object({ id: z.uuid() });
const read = { action: 'cases.read' } as const;
const write = { action: 'cases.write' } as const;

/** The affiliate's side of referrals: from a case to a provider of the directory. */
export const referralRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/:id/referrals', tags, summary: "A case's referrals, newest first", policy: read,
    params: CaseParams, response: ReferralList,
    handler: ({ ctx, params }) => listCaseReferrals({ ctx, input: { caseId: params.id } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/:id/referrals/suggestions', tags, summary: 'Providers for this case, best first, and who is left out and why (audited)', policy: read,
    params: CaseParams, response: ReferralSuggestions,
    handler: ({ ctx, params }) => suggestReferrals({ ctx, input: { caseId: params.id } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/:id/referrals', tags, summary: 'Refer the case to a provider (a second click returns the same referral); the provider is emailed without the client\'s details', policy: write,
    params: CaseParams, body: ReferralSendInput, response: ReferralSent, status: 201,
    handler: ({ ctx, params, body }) => sendReferral({ ctx, input: { ...body, caseId: params.id } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/:id/referrals/:referralId/withdraw', tags, summary: 'Withdraw a referral (again: no change)', policy: write,
    params: CaseParams.extend({ referralId: z.uuid() }), body: ReferralWithdrawInput, response: Referral,
    handler: ({ ctx, params, body }) => withdrawReferral({ ctx, input: { caseId: params.id, referralId: params.referralId, reason: body.reason } }),
  }),
];

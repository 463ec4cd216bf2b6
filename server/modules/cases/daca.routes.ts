import { z } from 'zod';
import {
  ClinicCheckIn,
  ClinicCheckInInput,
  ClinicDay,
  ClinicDayQuery,
  ClinicReview,
  ClinicReviewInput,
  DacaFiled,
  DacaFiledInput,
  DacaReferenceInput,
  DacaReferenceState,
  RenewalList,
  RenewalsQuery,
} from '../../../contracts/daca.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { checkInForClinic, clinicDay, markDacaFiled, requestAttorneyReview } from './clinic.ts';
import { getDacaReference, updateDacaReference } from './daca-reference-edit.ts';
import { exportUpcomingRenewals, listUpcomingRenewals } from './daca-renewals.ts';

const tags = ['cases'];
const read = { action: 'cases.read' } as const;
const write = { action: 'cases.write' } as const;

/** The DACA tracker for clinics: upcoming renewals (JSON and CSV), clinic day (check-in, review, filed), and the reference data. */
export const dacaRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/daca/renewals', tags, summary: 'Upcoming DACA renewals of this affiliate, soonest expiry first, with plan state and reminders (audited)', policy: read,
    query: RenewalsQuery, response: RenewalList,
    handler: ({ ctx, query }) => listUpcomingRenewals({ ctx, input: query }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/daca/renewals.csv', tags, summary: 'The upcoming renewals as CSV for clinic staff (UTF-8 with BOM; audited as an export)', policy: read,
    query: RenewalsQuery, response: z.string().describe('text/csv'),
    handler: async ({ ctx, query, reply }) => {
      const csv = await exportUpcomingRenewals({ ctx, input: query });
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="daca-renewals-${new Date().toISOString().slice(0, 10)}.csv"`);
      return csv;
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/daca/clinic/check-in', tags, summary: "Check a person in at a clinic: their live DACA renewal case, or a new one (once per day)", policy: write,
    body: ClinicCheckInInput, response: ClinicCheckIn,
    handler: ({ ctx, body }) => checkInForClinic({ ctx, input: body }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/:id/daca/filed', tags, summary: 'The renewal was filed: records the day, cancels pending reminders, moves the case to filed', policy: write,
    params: z.object({ id: z.uuid() }), body: DacaFiledInput, response: DacaFiled,
    handler: ({ ctx, params, body }) => markDacaFiled({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/daca/clinic/day', tags, summary: "A clinic day: who was checked in (the affiliate's calendar day), review hand-offs, DACA dates, and who may review (audited)", policy: read,
    query: ClinicDayQuery, response: ClinicDay,
    handler: ({ ctx, query }) => clinicDay({ ctx, input: query }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/:id/daca/review', tags, summary: 'Ready for attorney review: assigns the case to an attorney or accredited representative of the affiliate', policy: write,
    params: z.object({ id: z.uuid() }), body: ClinicReviewInput, response: ClinicReview,
    handler: ({ ctx, params, body }) => requestAttorneyReview({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/daca/reference', tags, summary: "The network's DACA reference data (reminder days, filing window, one-year rule, fees) with its earlier versions", policy: read,
    response: DacaReferenceState,
    handler: ({ ctx }) => getDacaReference({ ctx }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/daca/reference', tags, summary: 'Replace the DACA reference data with a new version (network office only; the old one is kept; audited)', policy: { action: 'org.settings' },
    body: DacaReferenceInput, response: DacaReferenceState,
    handler: ({ ctx, body }) => updateDacaReference({ ctx, input: body }),
  }),
];

import { z } from 'zod';
import { CaseType } from '../../../contracts/cases.ts';
import { CaseScreeningView, ScreeningForm, ScreeningFormInput, ScreeningInput } from '../../../contracts/screening.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { getCaseScreening, saveCaseScreening } from './screening.ts';
import { getScreeningForm, saveScreeningForm } from './screening-forms.ts';

const tags = ['cases'];
const TypeParams = z.object({ type: CaseType });
const IdParams = z.object({ id: z.uuid() });

export const screeningRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/screening-forms/:type', tags, summary: "The affiliate's latest screening form for a case type (Haven's as version 1 until it has its own)", policy: { action: 'cases.read' },
    params: TypeParams, response: ScreeningForm,
    handler: ({ ctx, params }) => getScreeningForm({ ctx, input: params }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/cases/screening-forms/:type', tags, summary: 'Save the next version of a screening form (older versions never change; audited)', policy: { action: 'org.settings' },
    params: TypeParams, body: ScreeningFormInput, response: ScreeningForm,
    handler: ({ ctx, params, body }) => saveScreeningForm({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/:id/screening', tags, summary: "A case's screening answers (opened for the reader; audited), the form version and the findings", policy: { action: 'cases.read' },
    params: IdParams, response: CaseScreeningView,
    handler: ({ ctx, params }) => getCaseScreening({ ctx, input: params }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/cases/:id/screening', tags, summary: 'Answer the screening form: checked against its version, sealed, findings computed; DACA dates schedule reminders', policy: { action: 'cases.write' },
    params: IdParams, body: ScreeningInput, response: CaseScreeningView,
    handler: ({ ctx, params, body }) => saveCaseScreening({ ctx, input: { ...params, ...body } }),
  }),
];

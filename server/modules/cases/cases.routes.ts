import { z } from 'zod';
import { CaseDetail, CaseList, CaseNote, CaseNoteInput, CaseStatus, CaseStatusChange, CaseSummary, CaseTask, CaseTaskInput, CaseType, DacaInput, DacaView, OpenCaseInput } from '../../../contracts/cases.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { setDaca } from './daca-records.ts';
import { getCase, listCases } from './get-case.ts';
import { openCase } from './open-case.ts';
import { addCaseNote, addCaseTask, changeCaseStatus, completeCaseTask } from './work-case.ts';

const tags = ['cases'];
const IdParams = z.object({ id: z.uuid() });
const read = { action: 'cases.read' } as const;
const write = { action: 'cases.write' } as const;

export const caseRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases', tags, summary: 'Cases of this affiliate (live ones unless a status is given)', policy: read,
    query: z.object({ status: z.union([CaseStatus, z.literal('live')]).optional(), type: CaseType.optional(), mine: z.stringbool().optional() }),
    response: CaseList,
    handler: ({ ctx, query }) => listCases({ ctx, input: query }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases', tags, summary: 'Open a case from a hotline conversation or for a person (a second click returns the same case)', policy: write,
    body: OpenCaseInput, response: CaseSummary.extend({ created: z.boolean() }), status: 201,
    handler: ({ ctx, body }) => openCase({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/:id', tags, summary: 'A case with its timeline, notes, tasks and DACA dates (audited)', policy: read,
    params: IdParams, response: CaseDetail,
    handler: ({ ctx, params }) => getCase({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/:id/status', tags, summary: 'Move a case along its workflow', policy: write,
    params: IdParams, body: CaseStatusChange, response: CaseSummary,
    handler: ({ ctx, params, body }) => changeCaseStatus({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/:id/notes', tags, summary: 'Add an encrypted note: information, or legal advice (attorneys and accredited representatives only)', policy: write,
    params: IdParams, body: CaseNoteInput, response: CaseNote, status: 201,
    handler: ({ ctx, params, body }) => addCaseNote({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/:id/tasks', tags, summary: 'Add a follow-up task with a due date', policy: write,
    params: IdParams, body: CaseTaskInput, response: CaseTask, status: 201,
    handler: ({ ctx, params, body }) => addCaseTask({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/:id/tasks/:taskId/done', tags, summary: 'Mark a task done (again: no change)', policy: write,
    params: IdParams.extend({ taskId: z.uuid() }), response: CaseTask,
    handler: ({ ctx, params }) => completeCaseTask({ ctx, input: params }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/cases/:id/daca', tags, summary: 'Record the DACA dates; schedules the 180/150/120-day reminders', policy: write,
    params: IdParams, body: DacaInput, response: DacaView,
    handler: ({ ctx, params, body }) => setDaca({ ctx, input: { ...params, ...body } }),
  }),
];

import { z } from 'zod';
import { CaseReport, CaseReportQuery } from '../../../contracts/cases.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { caseReport, caseReportCsv } from './case-reports.ts';

const tags = ['cases'];
const policy = { action: 'cases.reports' } as const;

export const caseReportRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/reports', tags, summary: 'Information vs cases by type, DACA renewals filed (on time), referrals and hours to consultation, for a period', policy,
    query: CaseReportQuery, response: CaseReport,
    handler: ({ ctx, query }) => caseReport({ ctx, input: query }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/reports.csv', tags, summary: 'The same figures as CSV (measure, value)', policy,
    query: CaseReportQuery, response: z.string().describe('text/csv'),
    handler: async ({ ctx, query, reply }) => {
      const report = await caseReport({ ctx, input: query });
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="case-report-${report.from}-${report.to}.csv"`);
      return caseReportCsv(report);
    },
  }),
];

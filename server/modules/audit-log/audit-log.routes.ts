import { AuditPage, AuditQuery } from '../../../contracts/audit.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { listAudit } from './list-audit.ts';

export const auditLogRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/audit', tags: ['audit'], summary: "The current org's audit log, newest first",
    policy: { action: 'audit.read' }, query: AuditQuery, response: AuditPage,
    handler: ({ ctx, query }) => listAudit({ ctx, input: query }),
  }),
];

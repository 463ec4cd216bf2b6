import { z } from 'zod';
import { ImportConfirmResult, ImportQuery, SubscriberList, SubscriberQuery } from '../../../contracts/alert-subscribers.ts';
import { ImportPreview } from '../../../contracts/alerts.ts';
import { Ok } from '../../../contracts/common.ts';
import { AppError } from '../../platform/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { confirmImport, discardImport } from './import-confirm.ts';
import { previewImport } from './import-preview.ts';
import { listSubscribers } from './subscriber-list.ts';

const tags = ['alerts'];
const policy = { action: 'alerts.subscribers' } as const;
const IdParams = z.object({ id: z.uuid() });
/** About 100 bytes a row: 5 MB is ~50,000 subscribers, the most one import takes (import-csv.ts MAX_IMPORT_ROWS). */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

export const subscriberRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/alerts/subscribers', tags, summary: 'Alert subscribers: counts by language and topic, the first 100 (phones and emails masked)', policy,
    query: SubscriberQuery, response: SubscriberList,
    handler: ({ ctx, query }) => listSubscribers({ ctx, input: query }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/imports', tags, policy, bodyLimit: IMPORT_BODY_LIMIT,
    summary: 'Read a subscriber CSV (the file as the body, text/csv; UTF-8 or EUC-KR) with the consent attestation: a preview, nothing imported yet',
    query: ImportQuery, response: ImportPreview,
    handler: ({ ctx, query, req }) => {
      // text/csv arrives as bytes (import-body.ts); a text/plain body as text, which is UTF-8 by definition here.
      const raw = req.body;
      const bytes = Buffer.isBuffer(raw) ? raw : typeof raw === 'string' ? Buffer.from(raw, 'utf8') : null;
      if (!bytes || bytes.length === 0) throw new AppError('import_empty', 400, {}, 'file');
      return previewImport({ ctx, input: { bytes, attestation: query.attestation } });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/imports/:id/confirm', tags, summary: 'Import the previewed rows: people, subscribers and opt-ins with the attestation, in one transaction', policy,
    params: IdParams, response: ImportConfirmResult,
    handler: ({ ctx, params }) => confirmImport({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/alerts/imports/:id/discard', tags, summary: 'Throw a previewed import away', policy,
    params: IdParams, response: Ok,
    handler: ({ ctx, params }) => discardImport({ ctx, input: params }),
  }),
];

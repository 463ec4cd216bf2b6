import { z } from 'zod';
import {
  DirectoryImportResult,
  HsdsDocumentBody,
  HsdsExportResponse,
  HsdsImportQuery,
  Provider,
  ProviderCreateInput,
  ProviderList,
  ProviderListQuery,
  ProviderPatch,
} from '../../../contracts/legal-network.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { exportDirectory, importDirectory } from './directory-exchange.ts';
import { createProvider, getProvider, listProviders, updateProvider } from './providers.ts';

const tags = ['directory'];
const IdParams = z.object({ id: z.uuid() });
// The directory is the network's: whoever may see cases may look up whom to refer them to.
const read = { action: 'cases.read' } as const;
const manage = { action: 'directory.manage' } as const;

/** The import takes the whole HSDS file, about 3 KB per provider as toHsds writes it: 5 MB holds ~1,700 (the app-wide limit, 256 KB, ~80). */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;
export const directoryRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/directory/providers', tags, summary: 'The network directory: filter by kind, language, practice area, state, active; search names (Hangul too)', policy: read,
    query: ProviderListQuery, response: ProviderList,
    handler: ({ ctx, query }) => listProviders({ ctx, input: query }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/directory/providers/:id', tags, summary: 'One directory entry, whichever affiliate keeps it', policy: read,
    params: IdParams, response: Provider,
    handler: ({ ctx, params }) => getProvider({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/directory/providers', tags, summary: 'Add an entry kept by this affiliate (same name and email as one it keeps: 409)', policy: manage,
    body: ProviderCreateInput, response: Provider, status: 201,
    handler: ({ ctx, body }) => createProvider({ ctx, input: body }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/directory/providers/:id', tags, summary: 'Change an entry this affiliate keeps (with its version); active: false retires it', policy: manage,
    params: IdParams, body: ProviderPatch, response: Provider,
    handler: ({ ctx, params, body }) => updateProvider({ ctx, input: { ...body, ...params } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/directory/export', tags, summary: 'The active entries of the whole network as Open Referral HSDS 3.0 JSON, checked against the published schemas', policy: read,
    response: HsdsExportResponse,
    handler: async ({ ctx, reply }) => {
      const doc = await exportDirectory({ ctx });
      reply.header('content-disposition', `attachment; filename="directory-hsds-3.0-${doc.meta.exported_at.slice(0, 10)}.json"`);
      return { ...doc }; // a plain object: HsdsDocument is an interface, the response schema an open record
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/directory/import', tags, summary: 'Read an HSDS 3.0 document into this affiliate: a dry run by default; dryRun=false writes all new entries or none', bodyLimit: IMPORT_BODY_LIMIT, policy: manage,
    query: HsdsImportQuery, body: HsdsDocumentBody, response: DirectoryImportResult,
    handler: ({ ctx, query, body }) => importDirectory({ ctx, input: { document: body, dryRun: query.dryRun } }),
  }),
];

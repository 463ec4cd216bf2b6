import { CaseSettings, CaseSettingsPatch } from '../../../contracts/daca.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { getCaseSettings, updateCaseSettings } from './cases-settings.ts';

const tags = ['cases'];

export const caseSettingsRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/settings', tags, summary: 'Case settings: how long closed cases are kept before redaction', policy: { action: 'cases.read' },
    response: CaseSettings,
    handler: ({ ctx }) => getCaseSettings({ ctx }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/cases/settings', tags, summary: 'Change how long closed cases are kept (30–3650 days; audited)', policy: { action: 'org.settings' },
    body: CaseSettingsPatch, response: CaseSettings,
    handler: ({ ctx, body }) => updateCaseSettings({ ctx, input: body }),
  }),
];

import { defineRoute } from '../../platform/http/route.ts';
import { AlertSettings, getAlertSettings, updateAlertSettings } from './alert-settings.ts';

/** The org's alert settings: when an author needs a second person to approve. */
const tags = ['alerts'];

export const alertSettingsRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/alerts/settings', tags, summary: 'Alert settings: the two-person threshold', policy: { action: 'org.settings' },
    response: AlertSettings,
    handler: ({ ctx }) => getAlertSettings({ ctx }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/alerts/settings', tags, summary: 'Change the two-person threshold (audited)', policy: { action: 'org.settings' },
    body: AlertSettings, response: AlertSettings,
    handler: ({ ctx, body }) => updateAlertSettings({ ctx, input: body }),
  }),
];

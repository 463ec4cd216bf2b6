import { HelpRequestInput, HelpRequestResult } from '../../../contracts/hotline.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { submitHelpRequest } from './help-form.ts';

/**
 * The public help form's API (the page sends X-Haven-Lang with the language the person
 * reads, so field errors come back in it). Public by design: a person in trouble has no
 * account. Abuse is slowed by limits per address and per contact, never by refusing kinds
 * of numbers.
 */
export const helpFormRoutes = [
  defineRoute({
    method: 'POST', url: '/p/help', tags: ['public'], summary: 'Ask the hotline for help from the web (opens or joins a conversation)',
    policy: { public: true }, body: HelpRequestInput, response: HelpRequestResult, status: 201,
    handler: ({ ctx, body }) => submitHelpRequest({ ctx, input: body }),
  }),
];

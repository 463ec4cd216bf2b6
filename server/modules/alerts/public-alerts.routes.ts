import { z } from 'zod';
import { PreferencesDetails, SignupConfirmDetails, SignupOrg, SignupOrgQuery, SignupResult } from '../../../contracts/alert-subscribers.ts';
import { PreferencesInput, SignupInput } from '../../../contracts/alerts.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { getPreferences, savePreferences } from './preferences.ts';
import { submitSignup } from './signup.ts';
import { confirmEmailSignup, signupConfirmDetails } from './signup-confirm.ts';
import { signupOrgForZip } from './signup-org.ts';

/**
 * The public side of alerts (no session): the sign-up form's API, the email confirmation
 * and the preferences page. The pages themselves are the web app's (/p/alerts,
 * /p/alerts/confirm/TOKEN, /p/alerts/preferences/TOKEN): a GET of those URLs gets the app,
 * which reads `…/details` and shows a button; only a POST changes anything, because mail
 * scanners prefetch every link in a message. The page sends X-Haven-Lang, so errors come
 * back in the language it shows.
 */
const tags = ['public'];
const TokenParams = z.object({ token: z.string().min(1).max(1000) });

export const publicAlertRoutes = [
  defineRoute({
    method: 'POST', url: '/p/alerts', tags, summary: 'Sign up for policy alerts (phone and/or email); asks for a YES by text or a click by email',
    policy: { public: true }, body: SignupInput, response: SignupResult, status: 201,
    handler: ({ ctx, body }) => submitSignup({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/p/alerts/org', tags, summary: 'Which organization a ZIP code signs up with (its name, for the consent text)',
    policy: { public: true }, query: SignupOrgQuery, response: SignupOrg,
    handler: async ({ ctx, query }) => {
      const org = await signupOrgForZip(ctx.deps, query.zip);
      return { name: org.name, state: org.state };
    },
  }),
  defineRoute({
    method: 'GET', url: '/p/alerts/confirm/:token/details', tags, summary: 'The state of an email confirmation link (changes nothing)',
    policy: { public: true }, params: TokenParams, response: SignupConfirmDetails,
    handler: ({ ctx, params }) => signupConfirmDetails({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/p/alerts/confirm/:token', tags, summary: 'Confirm an email sign-up (the button on the confirmation page)',
    policy: { public: true }, params: TokenParams, response: SignupConfirmDetails,
    handler: ({ ctx, params }) => confirmEmailSignup({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/p/alerts/preferences/:token/details', tags, summary: 'A subscriber’s alert preferences, by their signed link (changes nothing)',
    policy: { public: true }, params: TokenParams, response: PreferencesDetails,
    handler: ({ ctx, params }) => getPreferences({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/p/alerts/preferences/:token', tags, summary: 'Save language, topics and ZIP, or unsubscribe, by the signed link',
    policy: { public: true }, params: TokenParams, body: PreferencesInput, response: PreferencesDetails,
    handler: ({ ctx, params, body }) => savePreferences({ ctx, input: { ...body, token: params.token } }),
  }),
];

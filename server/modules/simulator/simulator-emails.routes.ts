import { IdParams } from '../../../contracts/common.ts';
import { SimulatorEmail, SimulatorEmailList } from '../../../contracts/simulator.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { getEmail, listEmails } from './emails.ts';

/** The email simulator's outbox: own mail only, everyone's for those who manage members. */
const tags = ['simulator'];

export const simulatorEmailRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/simulator/emails', tags, summary: 'Emails the simulator "sent", newest first (own address unless members.manage)',
    policy: { action: 'simulator.use' }, response: SimulatorEmailList,
    handler: ({ ctx }) => listEmails({ ctx }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/simulator/emails/:id', tags, summary: 'One simulated email: text, HTML and headers',
    policy: { action: 'simulator.use', hideAs404: true }, params: IdParams, response: SimulatorEmail,
    handler: ({ ctx, params }) => getEmail({ ctx, input: params }),
  }),
];

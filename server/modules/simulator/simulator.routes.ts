import {
  SimulatorFailureInput, SimulatorFailureList, SimulatorMessageList, SimulatorNumberList, SimulatorPhoneParams, SimulatorSmsInput, SimulatorSmsResult,
} from '../../../contracts/simulator.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { clearFailure, listFailures, setFailure } from './failures.ts';
import { listSimulatorNumbers } from './list-numbers.ts';
import { listPhoneMessages, sendMemberSms } from './phone-messages.ts';

/** The pretend member's phone: Haven's numbers, the thread, texting Haven, and numbers told to fail. */
const tags = ['simulator'];
const policy = { action: 'simulator.use' } as const;

export const simulatorPhoneRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/simulator/numbers', tags, summary: "Haven's numbers a simulated member can text or call",
    policy, response: SimulatorNumberList,
    handler: ({ ctx }) => listSimulatorNumbers({ ctx }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/simulator/phones/:phone/messages', tags, summary: "A simulated member phone's texts with Haven, oldest first",
    policy, params: SimulatorPhoneParams, response: SimulatorMessageList,
    handler: ({ ctx, params }) => listPhoneMessages({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/sms', tags, summary: 'The simulated member texts Haven (signed incoming-message webhook)',
    policy, body: SimulatorSmsInput, response: SimulatorSmsResult, status: 201,
    handler: ({ ctx, body }) => sendMemberSms({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/simulator/failures', tags, summary: 'Numbers told to fail, and the error codes available',
    policy, response: SimulatorFailureList,
    handler: ({ ctx }) => listFailures({ ctx }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/simulator/failures', tags, summary: 'Make every send or call to a number fail with a Twilio error code',
    policy, body: SimulatorFailureInput, response: SimulatorFailureList,
    handler: ({ ctx, body }) => setFailure({ ctx, input: body }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/simulator/failures/:phone', tags, summary: 'Let a number work again',
    policy, params: SimulatorPhoneParams, response: SimulatorFailureList,
    handler: ({ ctx, params }) => clearFailure({ ctx, input: params }),
  }),
];

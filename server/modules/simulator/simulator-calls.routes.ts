import { SimulatorCall, SimulatorCallInput, SimulatorCallList, SimulatorCallParams, SimulatorDigitsInput, SimulatorRecordingInput } from '../../../contracts/simulator.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { z } from 'zod';
import { answerCall, getCall, hangUp, leaveRecording, listPhoneCalls, pressDigits, rejectCall, ringOut, startMemberCall, stayQuiet } from './calls.ts';

/** The simulated member calls Haven: each move answers with the call as it now stands (transcript, what waits). */
const tags = ['simulator'];
const policy = { action: 'simulator.use' } as const;

export const simulatorCallRoutes = [
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/calls', tags, summary: 'The simulated member calls one of Haven’s numbers',
    policy, body: SimulatorCallInput, response: SimulatorCall, status: 201,
    handler: ({ ctx, body }) => startMemberCall({ ctx, input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/simulator/calls/:sid', tags, summary: 'A simulated call: transcript and what it waits for',
    policy, params: SimulatorCallParams, response: SimulatorCall,
    handler: ({ ctx, params }) => getCall({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/calls/:sid/digits', tags, summary: 'Press keys on the keypad (answers a Gather)',
    policy, params: SimulatorCallParams, body: SimulatorDigitsInput, response: SimulatorCall,
    handler: ({ ctx, params, body }) => pressDigits({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/calls/:sid/recording', tags, summary: 'Leave a message after the beep (answers a Record)',
    policy, params: SimulatorCallParams, body: SimulatorRecordingInput, response: SimulatorCall,
    handler: ({ ctx, params, body }) => leaveRecording({ ctx, input: { ...params, ...body } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/calls/:sid/silence', tags, summary: 'Say and press nothing until the Gather or Record times out',
    policy, params: SimulatorCallParams, response: SimulatorCall,
    handler: ({ ctx, params }) => stayQuiet({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/calls/:sid/hangup', tags, summary: 'The simulated member hangs up',
    policy, params: SimulatorCallParams, response: SimulatorCall,
    handler: ({ ctx, params }) => hangUp({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/calls/:sid/answer', tags, summary: 'A phone Haven is ringing picks up (hears the whisper, then is joined to the caller)',
    policy, params: SimulatorCallParams, response: SimulatorCall,
    handler: ({ ctx, params }) => answerCall({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/calls/:sid/reject', tags, summary: 'A phone Haven is ringing declines',
    policy, params: SimulatorCallParams, response: SimulatorCall,
    handler: ({ ctx, params }) => rejectCall({ ctx, input: params }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/simulator/calls/:sid/ring-out', tags, summary: "Nobody picks up before the Dial's timeout",
    policy, params: SimulatorCallParams, response: SimulatorCall,
    handler: ({ ctx, params }) => ringOut({ ctx, input: params }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/simulator/phones/:phone/calls', tags, summary: 'Calls Haven placed to a simulated phone (a responder being rung), newest first',
    policy, params: z.object({ phone: z.string().max(40) }), response: SimulatorCallList,
    handler: ({ ctx, params }) => listPhoneCalls({ ctx, input: params }),
  }),
];

import { simulatorCallRoutes } from './simulator-calls.routes.ts';
import { simulatorEmailRoutes } from './simulator-emails.routes.ts';
import { simulatorPhoneRoutes } from './simulator.routes.ts';

export const simulatorRoutes = [...simulatorPhoneRoutes, ...simulatorCallRoutes, ...simulatorEmailRoutes];

export { authRoutes } from './auth.routes.ts';
export { createResolveAuth } from './resolve-auth.ts';
export { hashPassword } from './password.ts';
export { purgeExpiredSessions } from './sessions.ts';

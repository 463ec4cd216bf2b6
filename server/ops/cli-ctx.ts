import type { Ctx, Deps } from '../platform/context.ts';
import { ACTIONS } from '../platform/authz/actions.ts';

/** The audit label of everything done from the command line (there is no signed-in user). */
export const CLI_ACTOR_LABEL = 'cli';

/**
 * A context for operator commands. Like systemCtx, but audited as "cli" so the audit log
 * tells an operator's change from one the system made by itself (seed, jobs).
 */
export function cliCtx(deps: Deps, orgId: string | null = null): Ctx {
  return {
    deps,
    actor: {
      kind: 'user',
      userId: null,
      orgId,
      role: 'system',
      permissions: new Set<string>(Object.keys(ACTIONS)),
      label: CLI_ACTOR_LABEL,
      mfaVerified: true,
    },
    lang: 'en',
    requestId: null,
    ip: null,
    db: deps.database.db,
  };
}

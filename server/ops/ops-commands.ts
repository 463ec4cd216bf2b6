import type { Command } from 'commander';
import type { Config } from '../config.ts';
import type { closeDeps as CloseDeps, createDeps as CreateDeps } from '../deps.ts';
import { verifyAuditChains } from '../platform/audit/audit.ts';

/** Operations commands: audit verify, keys rotate, backup/restore, user create. */
export function registerOpsCommands(program: Command, config: Config, createDeps: typeof CreateDeps, closeDeps: typeof CloseDeps) {
  const auditCmd = program.command('audit').description('Audit log tools');
  auditCmd
    .command('verify')
    .description('Recompute the hash chains; exit 1 if any row was edited or removed')
    .action(async () => {
      const deps = await createDeps(config);
      const result = await verifyAuditChains(deps.database.db);
      await closeDeps(deps);
      if (result.ok) console.log(`audit log intact: ${result.rows} rows in ${result.chains} chains`);
      else {
        console.error(`audit log TAMPERED (${result.problems.length} problems):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
        process.exitCode = 1;
      }
    });
}

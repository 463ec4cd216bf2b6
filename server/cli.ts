import type { Command } from 'commander';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import type { closeDeps as CloseDeps, createDeps as CreateDeps } from './deps.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { withStartupLock } from './db/client.ts';
import { startWorker } from './worker.ts';
import { registerOpsCommands } from './ops/ops-commands.ts';

/** `haven <command>`: start, migrate, seed-demo, plus the operations commands in ops/. */
export async function runCli(program: Command, config: Config, createDeps: typeof CreateDeps, closeDeps: typeof CloseDeps) {
  program
    .command('start')
    .description('Start Haven (web + worker by default)')
    .option('--role <role>', 'all | web | worker', 'all')
    .action(async (opts: { role: string }) => {
      if (!['all', 'web', 'worker'].includes(opts.role)) throw new Error(`--role must be all, web or worker (got ${opts.role})`);
      const started = Date.now();
      const deps = await createDeps(config, { role: opts.role as 'all' | 'web' | 'worker' });
      let demo: Awaited<ReturnType<typeof seedDemo>> | null = null;
      if (config.seedDemo && opts.role !== 'worker') demo = await withStartupLock(deps.database, () => seedDemo(deps));
      const stops: (() => Promise<void>)[] = [];
      if (opts.role !== 'web') stops.push(await startWorker(deps));
      if (opts.role !== 'worker') {
        const app = await buildApp(deps);
        await app.listen({ port: config.PORT, host: config.HOST });
        stops.push(() => app.close());
        printWelcome(config, demo, Date.now() - started);
      }
      const shutdown = async () => {
        for (const stop of stops) await stop().catch(() => {});
        await closeDeps(deps);
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('migrate')
    .description('Apply database migrations')
    .action(async () => {
      const deps = await createDeps(config);
      console.log(`migrations applied (${deps.database.kind})`);
      await closeDeps(deps);
    });

  program
    .command('seed-demo')
    .description('Seed the demo network (once)')
    .action(async () => {
      const deps = await createDeps(config);
      const demo = await seedDemo(deps);
      console.log(demo.seeded ? `demo network seeded; password: ${demo.password}` : 'demo network already present');
      await closeDeps(deps);
    });

  registerOpsCommands(program, config, createDeps, closeDeps);
  await program.parseAsync(process.argv);
}

function printWelcome(config: Config, demo: { seeded: boolean; password: string | null } | null, ms: number) {
  const lines = [``, `  Haven is running at ${config.publicUrl}  (started in ${ms} ms, ${config.embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`];
  if (config.seedDemo) {
    lines.push(`  Sign in as e.g. coordinator.il@demo.haven.local, admin.il@demo.haven.local or network.admin@demo.haven.local`);
    if (demo?.seeded && demo.password) lines.push(`  Demo password: ${demo.password}${config.HAVEN_DEMO_PASSWORD ? ' (from HAVEN_DEMO_PASSWORD)' : ''}`);
    else if (config.HAVEN_DEMO_PASSWORD) lines.push(`  Demo password: the value of HAVEN_DEMO_PASSWORD`);
    else if (config.embedded) lines.push(`  Demo password: in ${config.dataDir}/demo-password.txt`);
  }
  lines.push(`  API: ${config.publicUrl}/api/docs`, ``);
  console.log(lines.join('\n'));
}

import { Command } from 'commander';
import { ConfigError, loadConfig } from './config.ts';
import { closeDeps, createDeps } from './deps.ts';
import { runCli } from './cli.ts';

/** Entry point: reads config, hands over to the CLI. No logic here. */
const program = new Command('haven');
try {
  const config = loadConfig();
  await runCli(program, config, createDeps, closeDeps);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

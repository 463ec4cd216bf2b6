import type { Command } from 'commander';
import type { Config } from '../config.ts';
import type { closeDeps as CloseDeps, createDeps as CreateDeps } from '../deps.ts';
import { verifyAuditChains } from '../platform/audit/audit.ts';
import type { Deps } from '../platform/context.ts';
import { keyFilePath } from '../platform/crypto/master-key.ts';
import { writeBackup } from './backup.ts';
import { cliCtx } from './cli-ctx.ts';
import { dbErrorMessage, OpsError } from './ops-errors.ts';
import { createOrgFromCli, type OrgCreateOptions } from './create-org.ts';
import { createUserFromCli, type UserCreateOptions } from './create-user.ts';
import { restoreBackup } from './restore.ts';
import { rotateKeys } from './rotate-keys.ts';

/**
 * Operations commands: audit verify, keys rotate, backup/restore, org create, user create.
 * Thin: parse the command line, open the database, call the verb, print. A verb's refusal
 * is an OpsError whose message main.ts prints before exiting 1.
 *
 * On the embedded database, stop `haven start` first: PGlite serves one process at a
 * time, and openDatabase refuses a data directory another live process has claimed.
 */
export function registerOpsCommands(program: Command, config: Config, createDeps: typeof CreateDeps, closeDeps: typeof CloseDeps) {
  const withDeps = async (fn: (deps: Deps) => Promise<void>) => {
    const deps = await createDeps(config, { jobs: false });
    try {
      await fn(deps);
    } catch (err) {
      // main.ts prints the message: make it the database's own, never drizzle's "Failed query … params" with row values.
      throw new OpsError(dbErrorMessage(err));
    } finally {
      await closeDeps(deps);
    }
  };

  const auditCmd = program.command('audit').description('Audit log tools');
  auditCmd
    .command('verify')
    .description('Recompute the hash chains; exit 1 if any row was edited or removed')
    .action(() =>
      withDeps(async (deps) => {
        const result = await verifyAuditChains(deps.database.db);
        if (result.ok) console.log(`audit log intact: ${result.rows} rows in ${result.chains} chains`);
        else {
          console.error(`audit log TAMPERED (${result.problems.length} problems):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
          process.exitCode = 1;
        }
      }),
    );

  const keysCmd = program.command('keys').description('Encryption key tools');
  keysCmd
    .command('rotate')
    .description('Add a new data-key version for every org (and "system") and re-wrap all data keys under the current master key')
    .option('--new-master', 'first replace the master key in the key file (embedded default only; with HAVEN_MASTER_KEY see the message)')
    .action((opts: { newMaster?: boolean }) =>
      withDeps(async (deps) => {
        const s = await rotateKeys(deps, { newMaster: Boolean(opts.newMaster) });
        const lines = [
          `keys rotated${s.newMaster ? ' under a NEW master key' : ''}:`,
          `  scopes: ${s.scopes.length}`,
          ...s.scopes.map((x) => `    ${x.label === x.scope ? x.scope : `${x.label} (${x.scope})`} → version ${x.version}`),
          `  versions added: ${s.scopes.length}`,
          `  data keys re-wrapped: ${s.rewrapped} (all now wrapped by master key ${s.masterKeyId})`,
          `  values written before stay readable; running processes switch to the new versions within a minute.`,
        ];
        if (s.previousStillNeeded) lines.push(`  WARNING: some data keys are still wrapped by an older master key (written meanwhile by another process); run \`haven keys rotate\` again.`);
        else if (s.newMaster) {
          lines.push(
            `  the old master key has been removed from ${keyFilePath(deps.config.dataDir)}: back up the key file again now,`,
            `  and keep the previous key file backup for as long as you keep database backups made before this rotation.`,
          );
        }
        else if (s.previousCount > 0 && deps.keyring.masterKeys.source.kind === 'env') lines.push(`  nothing is wrapped by an old master key any more: you may remove HAVEN_MASTER_KEYS_PREVIOUS.`);
        console.log(lines.join('\n'));
      }),
    );

  program
    .command('backup <file>')
    .description('Write every table (ciphertext only, no master key) to a gzip\'d NDJSON file')
    .action((file: string) =>
      withDeps(async (deps) => {
        const s = await writeBackup(deps.database, file);
        console.log(
          [
            `backup written: ${file} (${s.tables} tables, ${s.rows} rows, ${(s.bytes / 1024).toFixed(1)} KiB, migration level ${s.header.migrations.count})`,
            `REMINDER: the backup holds encrypted fields as ciphertext only. The master key is NOT in it:`,
            deps.keyring.masterKeys.source.kind === 'file'
              ? `  back up the key file ${keyFilePath(deps.config.dataDir)} separately (and keep it apart from the backup).`
              : `  keep HAVEN_MASTER_KEY (and any HAVEN_MASTER_KEYS_PREVIOUS) safe separately (and apart from the backup).`,
            `  Without it the restored data's encrypted fields cannot be read.`,
          ].join('\n'),
        );
      }),
    );

  program
    .command('restore <file>')
    .description('Load a backup into this (freshly migrated, empty) database in one transaction')
    .option('--force', 'replace all data in a database that is not empty')
    .action((file: string, opts: { force?: boolean }) =>
      withDeps(async (deps) => {
        const s = await restoreBackup(deps, file, { force: Boolean(opts.force) });
        console.log(`restored ${s.rows} rows into ${s.tables} tables from the backup taken at ${s.backupCreatedAt}`);
        if (s.unknownMasterKeyIds.length) {
          console.log(
            `WARNING: the restored data keys are wrapped by master key(s) ${s.unknownMasterKeyIds.join(', ')}, which this installation does not have;\n` +
              `  encrypted fields will not open until you install that key (the old key file, or HAVEN_MASTER_KEY / HAVEN_MASTER_KEYS_PREVIOUS).`,
          );
        }
      }),
    );

  program
    .command('org')
    .description('Organizations')
    .command('create')
    .description('Create the network office or an affiliate')
    .requiredOption('--slug <slug>', 'short name used in URLs and commands, e.g. il')
    .requiredOption('--name <name>', 'display name')
    .option('--kind <kind>', 'network | affiliate', 'affiliate')
    .option('--parent <slug>', 'the network office this affiliate belongs to')
    .option('--states <list>', 'states served, e.g. IL,IN')
    .option('--time-zone <tz>', 'IANA time zone', 'America/New_York')
    .option('--languages <list>', 'languages offered', 'ko,en,es')
    .action((opts: { slug: string; name: string; kind: string; parent?: string; states?: string; timeZone: string; languages: string }) =>
      withDeps(async (deps) => {
        const org = await createOrgFromCli({ ctx: cliCtx(deps), input: opts as OrgCreateOptions });
        console.log(`created organization ${org.slug} (${org.name}, ${org.kind}${opts.parent ? ` under ${opts.parent}` : ''}), id ${org.id}`);
        console.log(`add its first administrator: haven user create --org ${org.slug} --role ${org.kind === 'network' ? 'network_admin' : 'affiliate_admin'} --email … --name …`);
      }),
    );

  program
    .command('user')
    .description('Staff and volunteer accounts')
    .command('create')
    .description('Create a user with a role in an org (or add an existing user to another org)')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--role <role>', 'role in that organization')
    .option('--language <lang>', 'ko | en | es', 'en')
    .option('--password <password>', 'set the password now (visible in shell history and ps; by default a one-time set-password link is printed instead)')
    .action((opts: { email: string; name: string; org: string; role: string; language: string; password?: string }) =>
      withDeps(async (deps) => {
        const r = await createUserFromCli({ ctx: cliCtx(deps), input: opts as UserCreateOptions });
        console.log(`${r.newUser ? 'created user' : 'added existing user'} ${r.email} (${r.userId}) as ${r.role} in ${r.orgSlug} (${r.orgName})`);
        if (r.link) console.log(`one-time link to set the password (valid 72 hours; hand it over privately):\n  ${r.link}`);
      }),
    );
}

import { Command, CommandRunner } from 'nest-commander';
import { databaseUrl } from '../cli-environment';

/** `fairmarket migrate`: creates the database if needed and runs pending migrations. */
@Command({ name: 'migrate', description: 'Create the database if missing and run pending migrations (DATABASE_URL)' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    // Loaded when the command runs: `fairmarket detect` should not pay for the database and PDF libraries.
    const { ensureDatabase, migrate }: typeof import('@fairmarket/persistence') = require('@fairmarket/persistence');
    const url = databaseUrl();
    if (await ensureDatabase(url)) process.stderr.write(`created database ${new URL(url).pathname.slice(1)}\n`);
    const ran = await migrate(url);
    process.stderr.write(ran.length ? `ran migrations: ${ran.join(', ')}\n` : 'database schema is up to date\n');
  }
}

/** `fairmarket migrations:check`: fails when entities changed without a migration. */
@Command({ name: 'migrations:check', description: 'Exit 1 when the entities and the migrated schema disagree' })
export class MigrationsCheckCommand extends CommandRunner {
  async run(): Promise<void> {
    const { schemaDrift }: typeof import('@fairmarket/persistence') = require('@fairmarket/persistence');
    const drift = await schemaDrift(databaseUrl());
    if (drift.length === 0) {
      process.stderr.write('entities and migrations agree\n');
      return;
    }
    process.stderr.write(`entities and migrations disagree; write a migration for:\n${drift.map((q) => `  ${q}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

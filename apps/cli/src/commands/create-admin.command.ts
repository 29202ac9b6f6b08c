import { Command, CommandRunner, Option } from 'nest-commander';
import { databaseUrl } from '../cli-environment';

interface Options {
  email: string;
  password?: string;
  name?: string;
}

/**
 * `fairmarket accounts:create-admin`: the first admin, who then creates every other account
 * through the API. Runs as the database owner (DATABASE_URL); the password comes from
 * --password or FAIRMARKET_ADMIN_PASSWORD so it need not sit in shell history.
 */
@Command({ name: 'accounts:create-admin', description: 'Create an admin user (and the operator organisation) directly in the database' })
export class CreateAdminCommand extends CommandRunner {
  async run(_: string[], options: Options): Promise<void> {
    const password = options.password ?? process.env.FAIRMARKET_ADMIN_PASSWORD;
    if (!password || password.length < 12) {
      process.stderr.write('give the admin a password of at least 12 characters: --password or FAIRMARKET_ADMIN_PASSWORD / 请提供至少 12 位的密码\n');
      process.exitCode = 2;
      return;
    }
    // Loaded when the command runs: `fairmarket detect` should not pay for the database and PDF libraries.
    const { Client }: typeof import('pg') = require('pg');
    const { appendAuditEntry }: typeof import('@fairmarket/audit') = require('@fairmarket/audit');
    const { hashPassword }: typeof import('@fairmarket/identity') = require('@fairmarket/identity');
    const client = new Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      await client.query('BEGIN');
      const [existing] = (await client.query('SELECT id FROM users WHERE lower(email) = lower($1)', [options.email])).rows;
      if (existing) {
        await client.query('ROLLBACK');
        process.stderr.write(`a user with e-mail ${options.email} exists already; nothing done / 该邮箱已存在\n`);
        process.stdout.write(`${existing.id}\n`);
        return;
      }
      let [org] = (await client.query(`SELECT id FROM organisations WHERE kind = 'operator' ORDER BY created_at LIMIT 1`)).rows;
      if (!org) [org] = (await client.query(`INSERT INTO organisations (name, kind) VALUES ('FairMarket operators', 'operator') RETURNING id`)).rows;
      const [user] = (
        await client.query(`INSERT INTO users (org_id, email, display_name, password_hash, role) VALUES ($1, $2, $3, $4, 'admin') RETURNING id`, [
          org.id, options.email, options.name ?? 'Administrator', await hashPassword(password),
        ])
      ).rows;
      await appendAuditEntry(async (sql, params) => (await client.query(sql, params)).rows, { actorId: null, actorRole: 'cli', action: 'user.create', subjectType: 'user', subjectId: user.id, detail: { role: 'admin' } });
      await client.query('COMMIT');
      process.stdout.write(`${user.id}\n`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
  }

  @Option({ flags: '--email <email>', description: 'the admin’s e-mail (login)', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', description: 'at least 12 characters (or FAIRMARKET_ADMIN_PASSWORD)' })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'display name' })
  parseName(value: string): string {
    return value;
  }
}

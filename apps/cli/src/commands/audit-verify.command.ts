import { Command, CommandRunner } from 'nest-commander';
import { databaseUrl } from '../cli-environment';

/** `fairmarket audit:verify`: recomputes the audit chain; exit 1 and the first broken link when tampered with. */
@Command({ name: 'audit:verify', description: 'Verify the hash chain of the audit trail (DATABASE_URL); exit 1 naming the first broken entry' })
export class AuditVerifyCommand extends CommandRunner {
  async run(): Promise<void> {
    // Loaded when the command runs: `fairmarket detect` should not pay for the database and PDF libraries.
    const { Client }: typeof import('pg') = require('pg');
    const { AUDIT_COLUMNS, toEntry, verifyChain }: typeof import('@fairmarket/audit') = require('@fairmarket/audit');
    const client = new Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq`);
      const verdict = verifyChain(rows.map(toEntry));
      process.stdout.write(`${JSON.stringify(verdict)}\n`);
      if (verdict.ok) {
        process.stderr.write(`audit chain intact: ${verdict.entries} entries / 审计链完整：${verdict.entries} 条\n`);
      } else {
        const b = verdict.first_broken!;
        process.stderr.write(`audit chain broken at entry ${b.seq}: ${b.reason} / 审计链在第 ${b.seq} 条断裂：${b.reason_zh}\n`);
        process.exitCode = 1;
      }
    } finally {
      await client.end();
    }
  }
}

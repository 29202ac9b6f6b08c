import { Client } from 'pg';
// Imported by path: the package index also exports Nest modules, which Jest (CJS) cannot load.
import { ensureDatabase, migrate, schemaDrift } from '../../libs/persistence/src/database-setup';

/** The CI check that fails when entities change without a migration (and proof that it can fail). */
describe('migration drift check', () => {
  it('finds nothing to change after the migrations have run', async () => {
    expect(await schemaDrift(process.env.DATABASE_URL as string)).toEqual([]);
  });

  it('reports the difference when the schema and the entities disagree', async () => {
    const url = (process.env.DATABASE_URL as string).replace(/\/([^/]+)$/, '/$1_drift');
    await ensureDatabase(url);
    await migrate(url);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('ALTER TABLE datasets DROP COLUMN rule_pack');
      const drift = await schemaDrift(url);
      expect(drift.join('\n')).toMatch(/rule_pack/);
    } finally {
      await client.end();
      const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    }
  });
});

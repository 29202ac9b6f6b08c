import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files a platform sends with its answer to an alert (rectification evidence); visible like the alert. */
export class AlertEvidence1763900300000 implements MigrationInterface {
  name = 'AlertEvidence1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE alert_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
      uploaded_by uuid NOT NULL REFERENCES users(id), file_name text NOT NULL, content_type text NOT NULL,
      size_bytes integer NOT NULL, sha256 text NOT NULL, storage_path text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX alert_evidence_alert ON alert_evidence (alert_id)`);
    await q.query(`GRANT SELECT, INSERT ON alert_evidence TO fairmarket_app`);
    await q.query(`ALTER TABLE alert_evidence ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE alert_evidence FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY alert_evidence_tenant ON alert_evidence USING (alert_id IN (SELECT id FROM alerts))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS alert_evidence`);
  }
}

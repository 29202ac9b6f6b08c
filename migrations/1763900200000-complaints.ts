import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumer complaints, their attachments and the alerts they led to. A consumer group sees
 * its own complaints only (never the alerts: those are platform data); regulators see all.
 * Duplicate detection must look across groups, which row policies forbid the caller: a
 * SECURITY DEFINER function answers only "which earlier complaint is this the same as".
 */
const APP = 'fairmarket_app';

export class Complaints1763900200000 implements MigrationInterface {
  name = 'Complaints1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE complaint_ref_seq`);
    await q.query(`CREATE TABLE complaints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ref text NOT NULL UNIQUE DEFAULT ('CMP-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('complaint_ref_seq')::text, 6, '0')),
      org_id uuid NOT NULL REFERENCES organisations(id), submitter_id uuid NOT NULL REFERENCES users(id),
      platform_id text NOT NULL, sku_id text, page_url text, category text NOT NULL, detectors text[] NOT NULL,
      observed jsonb NOT NULL DEFAULT '[]', narrative text NOT NULL,
      status text NOT NULL CONSTRAINT complaints_status_check CHECK (status IN ('received', 'duplicate', 'detection_running', 'under_review', 'linked', 'closed')),
      status_note text, fingerprint text NOT NULL, duplicate_of uuid REFERENCES complaints(id),
      detection_dataset_id uuid, detection_run_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT complaints_subject CHECK (sku_id IS NOT NULL OR page_url IS NOT NULL))`);
    await q.query(`CREATE INDEX complaints_fingerprint ON complaints (fingerprint, created_at)`);
    await q.query(`CREATE INDEX complaints_run ON complaints (detection_run_id)`);
    await q.query(`CREATE TABLE complaint_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), complaint_id uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
      file_name text NOT NULL, content_type text NOT NULL, size_bytes integer NOT NULL, sha256 text NOT NULL, storage_path text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE complaint_alerts (
      complaint_id uuid NOT NULL REFERENCES complaints(id) ON DELETE CASCADE, alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
      linked_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (complaint_id, alert_id))`);
    await q.query(`CREATE FUNCTION fm_complaint_original(fp text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT id FROM complaints WHERE fingerprint = fp AND duplicate_of IS NULL AND status <> 'closed' AND created_at > now() - interval '90 days'
      ORDER BY created_at LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION fm_complaint_original(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION fm_complaint_original(text) TO ${APP}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON complaints, complaint_attachments, complaint_alerts TO ${APP}`);
    await q.query(`GRANT USAGE ON SEQUENCE complaint_ref_seq TO ${APP}`);
    for (const table of ['complaints', 'complaint_attachments', 'complaint_alerts']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    await q.query(`CREATE POLICY complaints_tenant ON complaints
      USING (fm_tenant_kind() = 'regulator' OR (fm_tenant_kind() = 'consumer_group' AND org_id::text = fm_org_id()))`);
    await q.query(`CREATE POLICY complaint_attachments_tenant ON complaint_attachments USING (complaint_id IN (SELECT id FROM complaints))`);
    await q.query(`CREATE POLICY complaint_alerts_regulator ON complaint_alerts USING (fm_tenant_kind() = 'regulator')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS complaint_alerts, complaint_attachments, complaints CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS fm_complaint_original(text)`);
    await q.query(`DROP SEQUENCE IF EXISTS complaint_ref_seq`);
  }
}

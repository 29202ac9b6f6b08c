import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases: opened from alerts (and later complaints), with parties, a timeline of notes and
 * events, tasks, and the legal clocks. Only regulators see cases (row policies, fail closed).
 * Handler and approver are two people, enforced by the database as well as the service.
 */
const APP = 'fairmarket_app';
const TABLES = ['cases', 'case_links', 'case_parties', 'case_events', 'case_tasks'];

export class Cases1763900100000 implements MigrationInterface {
  name = 'Cases1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE case_ref_seq`);
    await q.query(`CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ref text NOT NULL UNIQUE DEFAULT ('CASE-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('case_ref_seq')::text, 6, '0')),
      title text NOT NULL, platform_id text NOT NULL,
      status text NOT NULL DEFAULT 'lead' CONSTRAINT cases_status_check CHECK (status IN ('lead', 'investigating', 'decision_pending', 'decided', 'closed')),
      handler_id uuid NOT NULL REFERENCES users(id), approver_id uuid NOT NULL REFERENCES users(id),
      opened_at timestamptz NOT NULL DEFAULT now(), lead_due_at timestamptz NOT NULL, decision_due_at timestamptz NOT NULL,
      decision text, decided_at timestamptz, closed_at timestamptz, created_by uuid NOT NULL REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT cases_four_eyes CHECK (handler_id <> approver_id))`);
    await q.query(`CREATE TABLE case_links (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE, kind text NOT NULL CONSTRAINT case_links_kind_check CHECK (kind IN ('alert', 'complaint')),
      subject_id uuid NOT NULL, added_by uuid NOT NULL, added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, kind, subject_id), CONSTRAINT case_links_one_case UNIQUE (kind, subject_id))`);
    await q.query(`CREATE TABLE case_parties (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      role text NOT NULL CONSTRAINT case_parties_role_check CHECK (role IN ('respondent', 'complainant', 'witness', 'other')),
      name text NOT NULL, organisation_id uuid REFERENCES organisations(id), detail text, added_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE case_events (
      id bigserial PRIMARY KEY, case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(), actor_id uuid, kind text NOT NULL, body jsonb NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE INDEX case_events_case ON case_events (case_id, id)`);
    await q.query(`CREATE TABLE case_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      title text NOT NULL, assignee_id uuid REFERENCES users(id), due_at timestamptz, done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLES.join(', ')} TO ${APP}`);
    await q.query(`GRANT USAGE ON SEQUENCE case_ref_seq, case_events_id_seq TO ${APP}`);
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_regulator ON ${table} USING (fm_tenant_kind() = 'regulator')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_tasks, case_events, case_parties, case_links, cases CASCADE`);
    await q.query(`DROP SEQUENCE IF EXISTS case_ref_seq`);
  }
}

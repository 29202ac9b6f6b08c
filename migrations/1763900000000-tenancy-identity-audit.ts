import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regulator workflow's foundation, in PostgreSQL itself:
 * - `fairmarket_app`, the login role the api and worker use. It owns nothing, so forced
 *   row-level security binds it; migrations keep running as the owner.
 * - The tenant is read from `fm.*` settings the application sets on every connection it
 *   takes from the pool; an unset tenant matches no policy, so a forgotten context fails closed.
 * - Identity (organisations, users, API keys), alerts with their history, and the
 *   append-only, hash-chained audit log.
 * Identity and audit tables are not platform data and have no row policies: routes restrict
 * them to admins and regulators, and the audit chain must be read whole to be verified.
 */
const EVENT_KINDS = ['price_quotes', 'orders', 'listings', 'impressions', 'merchant_events', 'merchants', 'skus', 'costs', 'documents', 'algorithms'];
const TIMED = ['price_quotes', 'orders', 'listings', 'impressions', 'merchant_events'];
const APP = 'fairmarket_app';
const PLATFORM_TABLES = ['datasets', 'dataset_files', 'rejections', 'detection_runs', 'detection_partials', 'findings', 'alerts', 'alert_events', ...EVENT_KINDS.map((k) => `ev_${k}`)];

export class TenancyIdentityAudit1763900000000 implements MigrationInterface {
  name = 'TenancyIdentityAudit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // Roles are cluster-wide: a second database (tests, staging) finds it already there.
    await q.query(`DO $$ BEGIN CREATE ROLE ${APP} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await this.tenantFunctions(q);
    await this.identityTables(q);
    await this.alertTables(q);
    await this.auditTable(q);
    await this.grants(q);
    await this.policies(q);
  }

  private async tenantFunctions(q: QueryRunner): Promise<void> {
    for (const [fn, setting] of [['fm_tenant_kind', 'fm.tenant_kind'], ['fm_platform_id', 'fm.platform_id'], ['fm_org_id', 'fm.org_id']]) {
      await q.query(`CREATE FUNCTION ${fn}() RETURNS text LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('${setting}', true), '') $$`);
    }
    // The worker learns whose data a job touches before it may read it: dataset, file or run → owner.
    await q.query(`CREATE FUNCTION fm_tenant_of(subject text, subject_id uuid) RETURNS TABLE (platform_id text, scope text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT d.platform_id, d.scope FROM datasets d WHERE d.id = CASE subject
          WHEN 'dataset' THEN subject_id
          WHEN 'file' THEN (SELECT f.dataset_id FROM dataset_files f WHERE f.id = subject_id)
          WHEN 'run' THEN (SELECT r.dataset_id FROM detection_runs r WHERE r.id = subject_id)
        END $$`);
    // Creating a partition needs the parent's owner; the application asks this function instead.
    await q.query(`CREATE FUNCTION fm_ensure_month_partition(parent text, month text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE next_month text;
      BEGIN
        IF parent NOT IN (${TIMED.map((k) => `'ev_${k}'`).join(', ')}) THEN RAISE EXCEPTION 'not a partitioned event table: %', parent; END IF;
        IF month !~ '^[0-9]{4}-[0-9]{2}$' THEN RAISE EXCEPTION 'month must be YYYY-MM, got %', month; END IF;
        next_month := to_char((month || '-01')::date + interval '1 month', 'YYYY-MM');
        PERFORM pg_advisory_xact_lock(hashtext(parent));
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
          parent || '_y' || replace(month, '-', 'm'), parent, month || '-01T00:00:00Z', next_month || '-01T00:00:00Z');
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION fm_tenant_of(text, uuid), fm_ensure_month_partition(text, text) FROM PUBLIC`);
  }

  private async identityTables(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL,
      kind text NOT NULL CONSTRAINT organisations_kind_check CHECK (kind IN ('regulator', 'platform', 'consumer_group', 'operator')),
      platform_id text CONSTRAINT organisations_platform_unique UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT organisations_platform_check CHECK ((kind = 'platform') = (platform_id IS NOT NULL)))`);
    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), org_id uuid NOT NULL REFERENCES organisations(id),
      email text NOT NULL, display_name text NOT NULL, password_hash text NOT NULL,
      role text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('regulator', 'platform_compliance', 'consumer_group', 'admin')),
      active boolean NOT NULL DEFAULT true, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);
    await q.query(`CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), user_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL, secret_hash text NOT NULL, scopes text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), last_used_at timestamptz, revoked_at timestamptz)`);
  }

  private async alertTables(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE, rule_pack text NOT NULL, finding_id text NOT NULL,
      platform_id text NOT NULL, detector text NOT NULL, severity text NOT NULL, summary text NOT NULL, summary_zh text,
      status text NOT NULL DEFAULT 'new' CONSTRAINT alerts_status_check CHECK (status IN ('new', 'triaged', 'investigating', 'escalated', 'closed')),
      close_reason text CONSTRAINT alerts_close_reason_check CHECK (close_reason IN ('no_violation', 'rectified', 'penalised', 'duplicate')),
      assignee_id uuid REFERENCES users(id), finding jsonb NOT NULL, finding_present boolean NOT NULL DEFAULT true,
      last_run_id uuid NOT NULL, runs_seen integer NOT NULL DEFAULT 1, due_at timestamptz NOT NULL,
      notified_at timestamptz, response_note text, responded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT alerts_finding_unique UNIQUE (dataset_id, rule_pack, finding_id),
      CONSTRAINT alerts_closed_reason CHECK ((status = 'closed') = (close_reason IS NOT NULL)))`);
    await q.query(`CREATE INDEX alerts_platform_status ON alerts (platform_id, status, due_at)`);
    await q.query(`CREATE TABLE alert_events (
      id bigserial PRIMARY KEY, alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(), actor_id uuid, kind text NOT NULL,
      visibility text NOT NULL DEFAULT 'internal' CONSTRAINT alert_events_visibility_check CHECK (visibility IN ('internal', 'shared')),
      body jsonb NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE INDEX alert_events_alert ON alert_events (alert_id, id)`);
  }

  private async auditTable(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_log (
      seq bigint PRIMARY KEY, at timestamptz NOT NULL, actor_id uuid, actor_role text, action text NOT NULL,
      subject_type text NOT NULL, subject_id text, detail jsonb NOT NULL DEFAULT '{}', prev_hash text NOT NULL, hash text NOT NULL)`);
    // Even the owner cannot quietly rewrite history: changing an entry needs dropping this trigger first.
    await q.query(`CREATE FUNCTION fm_audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP; END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION fm_audit_log_immutable()`);
  }

  private async grants(q: QueryRunner): Promise<void> {
    const dml = ['datasets', 'dataset_files', 'rejections', 'detection_runs', 'detection_partials', 'findings', 'alerts', 'alert_events', 'organisations', 'users', 'api_keys', ...EVENT_KINDS.map((k) => `ev_${k}`)];
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${dml.join(', ')} TO ${APP}`);
    await q.query(`GRANT USAGE ON SEQUENCE alert_events_id_seq TO ${APP}`);
    await q.query(`GRANT SELECT, INSERT ON audit_log TO ${APP}`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP}`);
    await q.query(`GRANT EXECUTE ON FUNCTION fm_tenant_of(text, uuid), fm_ensure_month_partition(text, text) TO ${APP}`);
  }

  private async policies(q: QueryRunner): Promise<void> {
    for (const table of PLATFORM_TABLES) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
    }
    // A platform sees its own datasets; a regulator sees what was submitted and its own (platform-less) datasets.
    await q.query(`CREATE POLICY datasets_tenant ON datasets
      USING ((fm_tenant_kind() = 'platform' AND platform_id = fm_platform_id())
          OR (fm_tenant_kind() = 'regulator' AND (scope = 'submission' OR platform_id IS NULL)))`);
    // Everything below a dataset is visible exactly when its dataset is (the subquery is itself filtered).
    for (const table of ['dataset_files', 'detection_runs', 'findings', ...EVENT_KINDS.map((k) => `ev_${k}`)]) {
      await q.query(`CREATE POLICY ${table}_tenant ON "${table}" USING (dataset_id IN (SELECT id FROM datasets))`);
    }
    await q.query(`CREATE POLICY rejections_tenant ON rejections USING (file_id IN (SELECT id FROM dataset_files))`);
    await q.query(`CREATE POLICY detection_partials_tenant ON detection_partials USING (run_id IN (SELECT id FROM detection_runs))`);
    // Alerts are the regulator's; a platform sees one about itself once it has been notified.
    await q.query(`CREATE POLICY alerts_regulator ON alerts USING (fm_tenant_kind() = 'regulator')`);
    await q.query(`CREATE POLICY alerts_platform_read ON alerts FOR SELECT USING (fm_tenant_kind() = 'platform' AND platform_id = fm_platform_id() AND notified_at IS NOT NULL)`);
    await q.query(`CREATE POLICY alerts_platform_respond ON alerts FOR UPDATE
      USING (fm_tenant_kind() = 'platform' AND platform_id = fm_platform_id() AND notified_at IS NOT NULL)
      WITH CHECK (fm_tenant_kind() = 'platform' AND platform_id = fm_platform_id() AND notified_at IS NOT NULL)`);
    await q.query(`CREATE POLICY alert_events_tenant ON alert_events
      USING (alert_id IN (SELECT id FROM alerts) AND (fm_tenant_kind() = 'regulator' OR visibility = 'shared'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of PLATFORM_TABLES.filter((t) => !['alerts', 'alert_events'].includes(t))) {
      await q.query(`DROP POLICY IF EXISTS ${table}_tenant ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP TABLE IF EXISTS audit_log, alert_events, alerts, api_keys, users, organisations CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS fm_audit_log_immutable(), fm_ensure_month_partition(text, text), fm_tenant_of(text, uuid), fm_tenant_kind(), fm_platform_id(), fm_org_id()`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP}`);
  }
}

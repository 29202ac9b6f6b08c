import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: datasets and their files, rejections, detection runs, findings, and the
 * event tables. Event tables are plain SQL (not entities): they are partitioned by month on
 * `ts`, loaded with COPY and read with cursors, and their shape is the same for every kind.
 */
const TIMED = ['price_quotes', 'orders', 'listings', 'impressions', 'merchant_events'];
const UNTIMED = ['merchants', 'skus', 'costs', 'documents', 'algorithms'];

export class InitialSchema1763770000000 implements MigrationInterface {
  name = 'InitialSchema1763770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "datasets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "platform_id" text, "name" text NOT NULL, "scope" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "rule_pack" text NOT NULL DEFAULT 'cn', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ready_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1bf831e43c559a240303e23d038" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_1bd53c22fbca3afb05a461d48a" ON "datasets"  ("platform_id") `);
    await q.query(`CREATE TABLE "dataset_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dataset_id" uuid NOT NULL, "file_name" text NOT NULL, "kind" text NOT NULL, "format" text NOT NULL, "gzip" boolean NOT NULL, "size_bytes" bigint NOT NULL, "sha256" text NOT NULL, "storage_path" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "lines" integer NOT NULL DEFAULT '0', "accepted" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "stored" integer NOT NULL DEFAULT '0', "duplicates" integer NOT NULL DEFAULT '0', "checkpoint_line" integer NOT NULL DEFAULT '0', "bytes_read" bigint NOT NULL DEFAULT '0', "rejection_counts" jsonb NOT NULL DEFAULT '{}', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_94d03b158f6546a0c529da9d0b3" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_6f010695ce74ecb19698e92c32" ON "dataset_files"  ("dataset_id", "status") `);
    await q.query(`CREATE TABLE "detection_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dataset_id" uuid NOT NULL, "rule_pack" text NOT NULL, "detectors" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'queued', "findings_count" integer, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_de56465dda5c10f4b77b61f67ec" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_7b6f7e3316fda3a1886b595d25" ON "detection_runs"  ("dataset_id", "created_at") `);
    await q.query(`CREATE TABLE "detection_partials" ("run_id" uuid NOT NULL, "platform_id" text NOT NULL, "detector" text NOT NULL, "partial_gz" bytea NOT NULL, CONSTRAINT "PK_0504656250ae45cc676af2524b0" PRIMARY KEY ("run_id", "platform_id", "detector"))`);
    await q.query(`CREATE TABLE "findings" ("dataset_id" uuid NOT NULL, "rule_pack" text NOT NULL, "id" text NOT NULL, "run_id" uuid NOT NULL, "detector" text NOT NULL, "severity" text NOT NULL, "platform_id" text NOT NULL, "doc" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_77ec185e20be798ac96c904e7b3" PRIMARY KEY ("dataset_id", "rule_pack", "id"))`);
    await q.query(`CREATE INDEX "IDX_09564aee3fb83681e3d92964fb" ON "findings"  ("dataset_id", "rule_pack", "severity") `);
    await q.query(`CREATE TABLE "rejections" ("file_id" uuid NOT NULL, "line" integer NOT NULL, "field" text, "reason" text NOT NULL, CONSTRAINT "PK_a16b81251f4a13585d62f643009" PRIMARY KEY ("file_id", "line"))`);
    await q.query(`ALTER TABLE "dataset_files" ADD CONSTRAINT "FK_d51218b7172c75083cd0e3ea288" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "detection_runs" ADD CONSTRAINT "FK_b790e0cf918be7d93b1f013a518" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "detection_partials" ADD CONSTRAINT "FK_d97dfe52faae231678c73a7996f" FOREIGN KEY ("run_id") REFERENCES "detection_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "findings" ADD CONSTRAINT "FK_f0da89341debe7d977792cde44c" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "rejections" ADD CONSTRAINT "FK_1b102e5fa460e1018b29094397b" FOREIGN KEY ("file_id") REFERENCES "dataset_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const kind of TIMED) {
      await q.query(`CREATE TABLE "ev_${kind}" (
        dataset_id uuid NOT NULL, platform_id text NOT NULL, natural_id text NOT NULL, ts timestamptz NOT NULL,
        sku_id text, merchant_id text, file_id uuid NOT NULL, line_no integer NOT NULL, line_hash bytea NOT NULL, doc jsonb NOT NULL,
        PRIMARY KEY (dataset_id, platform_id, natural_id, ts)
      ) PARTITION BY RANGE (ts)`);
      await q.query(`CREATE INDEX "ev_${kind}_ts_brin" ON "ev_${kind}" USING brin (ts)`);
    }
    for (const kind of UNTIMED) {
      await q.query(`CREATE TABLE "ev_${kind}" (
        dataset_id uuid NOT NULL, platform_id text NOT NULL, natural_id text NOT NULL,
        sku_id text, merchant_id text, file_id uuid NOT NULL, line_no integer NOT NULL, line_hash bytea NOT NULL, doc jsonb NOT NULL,
        PRIMARY KEY (dataset_id, platform_id, natural_id)
      )`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const kind of [...TIMED, ...UNTIMED]) await q.query(`DROP TABLE IF EXISTS "ev_${kind}" CASCADE`);
    for (const t of ['rejections', 'findings', 'detection_partials', 'detection_runs', 'dataset_files', 'datasets']) await q.query(`DROP TABLE IF EXISTS "${t}" CASCADE`);
  }
}

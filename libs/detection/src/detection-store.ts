import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Finding } from '@fairmarket/contract';
import { DetectionPartialEntity, FindingEntity } from '@fairmarket/persistence';
import { PgDatasetSource } from './pg-dataset-source';

/** Where a detection run keeps its partial results and its findings. */
@Injectable()
export class DetectionStore {
  constructor(private readonly dataSource: DataSource) {}

  get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  platforms(datasetId: string): Promise<string[]> {
    return PgDatasetSource.platforms(this.pool, datasetId);
  }

  openSource(datasetId: string, platformId: string): Promise<PgDatasetSource> {
    return PgDatasetSource.open(this.pool, datasetId, platformId);
  }

  async savePartials(runId: string, platformId: string, partials: Record<string, unknown>): Promise<void> {
    const rows = Object.entries(partials).map(([detector, partial]) => ({
      run_id: runId,
      platform_id: platformId,
      detector,
      partial_gz: gzipSync(JSON.stringify(partial)),
    }));
    if (rows.length > 0) await this.dataSource.getRepository(DetectionPartialEntity).upsert(rows, ['run_id', 'platform_id', 'detector']);
  }

  /** Partials of a run by detector, in platform order (decide must not depend on it, but logs read better). */
  async loadPartials(runId: string): Promise<Map<string, unknown[]>> {
    const rows = await this.dataSource.getRepository(DetectionPartialEntity).find({ where: { run_id: runId }, order: { platform_id: 'ASC' } });
    const out = new Map<string, unknown[]>();
    for (const row of rows) out.set(row.detector, [...(out.get(row.detector) ?? []), JSON.parse(gunzipSync(row.partial_gz).toString('utf8'))]);
    return out;
  }

  /**
   * Makes the stored findings of a dataset and rule pack exactly the run's: existing ids are
   * updated in place (an alert keeps its identity across re-runs), new ones inserted, and
   * ones the run no longer reports removed.
   */
  async replaceFindings(datasetId: string, rulePack: string, runId: string, findings: Finding[]): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const ids = findings.map((f) => f.id);
      await em
        .createQueryBuilder()
        .delete()
        .from(FindingEntity)
        .where('dataset_id = :datasetId AND rule_pack = :rulePack', { datasetId, rulePack })
        .andWhere(ids.length > 0 ? 'id NOT IN (:...ids)' : 'TRUE', { ids })
        .execute();
      const rows = findings.map((f) => ({
        dataset_id: datasetId,
        rule_pack: rulePack,
        id: f.id,
        run_id: runId,
        detector: f.detector,
        severity: f.severity,
        platform_id: f.platform_id,
        doc: f,
      }));
      for (let i = 0; i < rows.length; i += 500) await em.getRepository(FindingEntity).upsert(rows.slice(i, i + 500) as never, ['dataset_id', 'rule_pack', 'id']);
    });
  }

  async findings(datasetId: string, rulePack: string): Promise<Finding[]> {
    const rows = await this.dataSource.getRepository(FindingEntity).find({ where: { dataset_id: datasetId, rule_pack: rulePack } });
    return rows.map((r) => r.doc);
  }

  async deletePartials(runId: string): Promise<void> {
    await this.dataSource.getRepository(DetectionPartialEntity).delete({ run_id: runId });
  }
}

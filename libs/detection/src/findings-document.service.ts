import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FindingsDocument } from '@fairmarket/contract';
import { sortFindings } from '@fairmarket/detectors';
import { DatasetEntity, DetectionRunEntity } from '@fairmarket/persistence';
import { IngestionReportService } from '@fairmarket/ingestion';
import { DetectionStore } from './detection-store';

/** The findings document of findings.md for a stored dataset: the same shape the CLI writes. */
@Injectable()
export class FindingsDocumentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DetectionStore,
    private readonly reports: IngestionReportService,
  ) {}

  async build(dataset: DatasetEntity, rulePackName?: string): Promise<FindingsDocument & { run: { id: string; status: string } | null }> {
    const pack = rulePackName ?? dataset.rule_pack;
    const run = await this.dataSource
      .getRepository(DetectionRunEntity)
      .findOne({ where: { dataset_id: dataset.id, rule_pack: pack }, order: { created_at: 'DESC' } });
    const report = await this.reports.report(dataset.id);
    const findings = sortFindings(await this.store.findings(dataset.id, pack));
    return {
      schema: 'fairmarket.findings/v1',
      rule_pack: pack,
      generated_at: (run?.finished_at ?? new Date()).toISOString(),
      dataset: { files: report.files, rejections: report.rejections },
      findings,
      run: run ? { id: run.id, status: run.status } : null,
    };
  }
}

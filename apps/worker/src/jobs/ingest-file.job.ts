import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, type JobHandlerOf, type JobPayloads } from '@fairmarket/jobs';
import { DatasetService, FileIngestionService } from '@fairmarket/ingestion';
import { DetectionService } from '@fairmarket/detection';

/** Ingests one uploaded file; the last file of a dataset to finish marks it ready and starts detection. */
@Injectable()
@JobHandler('ingest-file')
export class IngestFileJob implements JobHandlerOf<'ingest-file'> {
  constructor(
    private readonly ingestion: FileIngestionService,
    private readonly datasets: DatasetService,
    private readonly detection: DetectionService,
  ) {}

  async handle(payload: JobPayloads['ingest-file'], job: Job<JobPayloads['ingest-file']>) {
    const file = await this.ingestion.ingest(payload.fileId, (progress) => job.updateProgress({ ...progress }));
    if (await this.datasets.markReadyIfComplete(payload.datasetId)) {
      await this.detection.start(payload.datasetId, { reason: 'dataset ready' });
    }
    return { lines: file.lines, accepted: file.accepted, rejected: file.rejected, stored: file.stored };
  }
}

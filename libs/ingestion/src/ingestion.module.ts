import { Module } from '@nestjs/common';
import { DatasetService } from './dataset.service';
import { FileIngestionService } from './file-ingestion.service';
import { IngestionReportService } from './ingestion-report.service';

@Module({
  providers: [DatasetService, FileIngestionService, IngestionReportService],
  exports: [DatasetService, FileIngestionService, IngestionReportService],
})
export class IngestionModule {}

import { Module } from '@nestjs/common';
import { IngestionModule } from '@fairmarket/ingestion';
import { DetectionRunnerService } from './detection-runner.service';
import { DetectionStore } from './detection-store';
import { DetectionService } from './detection.service';
import { FindingsDocumentService } from './findings-document.service';

@Module({
  imports: [IngestionModule],
  providers: [DetectionService, DetectionStore, DetectionRunnerService, FindingsDocumentService],
  exports: [DetectionService, DetectionStore, DetectionRunnerService, FindingsDocumentService],
})
export class DetectionModule {}

import { Module } from '@nestjs/common';
import { AlertService } from './alerts/alert.service';
import { AlertSyncService } from './alerts/alert-sync.service';
import { CaseService } from './cases/case.service';
import { ComplaintService } from './complaints/complaint.service';
import { DetectionModule } from '@fairmarket/detection';

@Module({
  imports: [DetectionModule],
  providers: [AlertService, AlertSyncService, CaseService, ComplaintService],
  exports: [AlertService, AlertSyncService, CaseService, ComplaintService],
})
export class WorkflowModule {}

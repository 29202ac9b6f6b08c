import { Injectable } from '@nestjs/common';
import { JobHandler, type JobHandlerOf, type JobPayloads } from '@fairmarket/jobs';
import { ComplaintService } from '@fairmarket/workflow';

/** A complaint naming a platform and sku: re-run detection on that platform's latest submission. */
@Injectable()
@JobHandler('complaint-detection')
export class ComplaintDetectionJob implements JobHandlerOf<'complaint-detection'> {
  constructor(private readonly complaints: ComplaintService) {}

  handle(payload: JobPayloads['complaint-detection']) {
    return this.complaints.runTargetedDetection(payload.complaintId);
  }
}

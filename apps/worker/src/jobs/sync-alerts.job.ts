import { Injectable } from '@nestjs/common';
import { JobHandler, type JobHandlerOf, type JobPayloads } from '@fairmarket/jobs';
import { AlertSyncService } from '@fairmarket/workflow';

/** After a run: its submission findings become (or update) the regulator's alerts. */
@Injectable()
@JobHandler('sync-alerts')
export class SyncAlertsJob implements JobHandlerOf<'sync-alerts'> {
  constructor(private readonly alerts: AlertSyncService) {}

  handle(payload: JobPayloads['sync-alerts']) {
    return this.alerts.sync(payload.datasetId, payload.runId);
  }
}

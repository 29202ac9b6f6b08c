import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { AuditLogService } from '@fairmarket/audit';
import { TenantScope } from '@fairmarket/tenancy';
import { ComplaintService } from '../complaints/complaint.service';
import { alertDueAt, parseDueDays } from './alert-deadlines';

/**
 * Turns a finished run's non-info findings of a submission into alerts. The alert is keyed by
 * (dataset, rule pack, finding id): a re-run updates its metrics and adds a history entry
 * instead of a second alert; a finding the re-run no longer reports is marked as gone.
 * Runs as the regulator: alerts are the regulator's, and a self-audit is invisible to it.
 */
@Injectable()
export class AlertSyncService {
  private readonly logger = new Logger(AlertSyncService.name);
  private readonly dueDays;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantScope,
    private readonly audit: AuditLogService,
    private readonly complaints: ComplaintService,
    @Inject(APP_CONFIG) config: Environment,
  ) {
    this.dueDays = parseDueDays(config.ALERT_DUE_DAYS);
  }

  sync(datasetId: string, runId: string): Promise<{ created: number; updated: number; gone: number }> {
    return this.tenants.as({ kind: 'regulator' }, () => this.syncAsRegulator(datasetId, runId));
  }

  private async syncAsRegulator(datasetId: string, runId: string) {
    return this.dataSource.transaction(async (em) => {
      const [run] = await em.query(
        `SELECT r.rule_pack, d.scope FROM detection_runs r JOIN datasets d ON d.id = r.dataset_id WHERE r.id = $1 AND r.dataset_id = $2 AND r.status = 'done'`,
        [runId, datasetId],
      );
      // Not visible to the regulator (a self-audit), or not finished: nothing becomes an alert.
      if (!run || run.scope !== 'submission') return { created: 0, updated: 0, gone: 0 };
      const findings = await em.query(`SELECT id, detector, severity, platform_id, doc FROM findings WHERE dataset_id = $1 AND rule_pack = $2 AND severity <> 'info'`, [datasetId, run.rule_pack]);
      let created = 0;
      let updated = 0;
      for (const f of findings) {
        const [row] = await em.query(
          `INSERT INTO alerts (dataset_id, rule_pack, finding_id, platform_id, detector, severity, summary, summary_zh, finding, last_run_id, due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (dataset_id, rule_pack, finding_id) DO UPDATE SET
             severity = EXCLUDED.severity, summary = EXCLUDED.summary, summary_zh = EXCLUDED.summary_zh, finding = EXCLUDED.finding,
             last_run_id = EXCLUDED.last_run_id, runs_seen = alerts.runs_seen + 1, finding_present = true, updated_at = now()
           WHERE alerts.last_run_id <> EXCLUDED.last_run_id
           RETURNING id, (xmax = 0) AS inserted`,
          [datasetId, run.rule_pack, f.id, f.platform_id, f.detector, f.severity, f.doc.summary, f.doc.summary_zh ?? null, JSON.stringify(f.doc), runId, alertDueAt(new Date(), f.severity, this.dueDays)],
        );
        if (!row) continue; // this run was already synced
        if (row.inserted) created++;
        else updated++;
        await em.query(`INSERT INTO alert_events (alert_id, kind, body) VALUES ($1, $2, $3)`, [row.id, row.inserted ? 'created' : 'metrics_updated', JSON.stringify({ run_id: runId, severity: f.severity, metrics: f.doc.metrics })]);
      }
      const gone = await em.query(
        `UPDATE alerts SET finding_present = false, updated_at = now() WHERE dataset_id = $1 AND rule_pack = $2 AND finding_present AND last_run_id <> $3 RETURNING id`,
        [datasetId, run.rule_pack, runId],
      );
      const goneRows = Array.isArray(gone[0]) ? gone[0] : gone;
      for (const g of goneRows) await em.query(`INSERT INTO alert_events (alert_id, kind, body) VALUES ($1, 'finding_gone', $2)`, [g.id, JSON.stringify({ run_id: runId })]);
      await this.complaints.linkRunAlerts(em, runId);
      await this.audit.append({ actorId: null, actorRole: 'system', action: 'alerts.sync', subjectType: 'dataset', subjectId: datasetId, detail: { run_id: runId, created, updated, gone: goneRows.length } }, em);
      this.logger.log(`run ${runId}: ${created} alerts created, ${updated} updated, ${goneRows.length} findings gone`);
      return { created, updated, gone: goneRows.length };
    });
  }
}

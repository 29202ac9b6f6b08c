import { ConflictException, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '@fairmarket/audit';
import { DetectionService } from '@fairmarket/detection';
import type { Principal } from '@fairmarket/identity';
import { JobQueueService } from '@fairmarket/jobs';
import { TenantScope } from '@fairmarket/tenancy';
import { complaintFingerprint, detectorsFor, type ComplaintCategory } from './complaint-rules';

export interface ComplaintInput {
  platform_id: string;
  sku_id?: string;
  page_url?: string;
  category: ComplaintCategory;
  observed: { price_minor: number; currency: string; seen_at: string; note?: string }[];
  narrative: string;
}

export interface AttachmentMeta {
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
}

const PUBLIC_COLUMNS = 'id, ref, platform_id, sku_id, page_url, category, observed, narrative, status, status_note, duplicate_of, created_at, updated_at';
const notFound = (id: string) => new NotFoundException({ code: 'complaint_not_found', message: `No complaint ${id} that you may see.`, message_zh: `投诉 ${id} 不存在或无权查看。` });

/**
 * Consumer complaints. The submitter follows its complaint's status but never sees platform
 * data; a complaint naming a platform and sku re-runs detection on that platform's latest
 * submission, and the alerts that concern the sku are linked to it for the regulator.
 */
@Injectable()
export class ComplaintService {
  private readonly logger = new Logger(ComplaintService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    private readonly jobs: JobQueueService,
    private readonly detection: DetectionService,
    private readonly tenants: TenantScope,
  ) {}

  async submit(input: ComplaintInput, actor: Principal) {
    const fingerprint = complaintFingerprint(input);
    const detectors = detectorsFor(input.category);
    const created = await this.dataSource.transaction(async (em) => {
      const [{ original }] = await em.query(`SELECT fm_complaint_original($1) AS original`, [fingerprint]);
      const status = original ? 'duplicate' : 'received';
      const [row] = await em.query(
        `INSERT INTO complaints (org_id, submitter_id, platform_id, sku_id, page_url, category, detectors, observed, narrative, status, fingerprint, duplicate_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${PUBLIC_COLUMNS}`,
        [actor.orgId, actor.userId, input.platform_id, input.sku_id ?? null, input.page_url ?? null, input.category, detectors, JSON.stringify(input.observed), input.narrative, status, fingerprint, original],
      );
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'complaint.submit', subjectType: 'complaint', subjectId: row.id, detail: { platform_id: input.platform_id, category: input.category, duplicate_of: original } }, em);
      return row;
    });
    if (created.status === 'received' && input.sku_id && detectors.length > 0) {
      await this.jobs.enqueue('complaint-detection', { complaintId: created.id }, { jobId: `complaint-${created.id}` });
    }
    return created;
  }

  list(filters: { status?: string[] }) {
    return this.dataSource.query(`SELECT ${PUBLIC_COLUMNS} FROM complaints WHERE ($1::text[] IS NULL OR status = ANY($1)) ORDER BY created_at DESC LIMIT 500`, [filters.status?.length ? filters.status : null]);
  }

  /** For the submitter: its complaint and attachments. For a regulator: also the alerts it led to. */
  async get(id: string, actor: Principal) {
    const [row] = await this.dataSource.query(`SELECT ${PUBLIC_COLUMNS} FROM complaints WHERE id = $1`, [id]);
    if (!row) throw notFound(id);
    const attachments = await this.dataSource.query(`SELECT id, file_name, content_type, size_bytes, sha256, created_at FROM complaint_attachments WHERE complaint_id = $1 ORDER BY created_at`, [id]);
    if (actor.role !== 'regulator') return { ...row, attachments };
    const alerts = await this.dataSource.query(`SELECT a.id, a.detector, a.severity, a.status, a.summary FROM complaint_alerts l JOIN alerts a ON a.id = l.alert_id WHERE l.complaint_id = $1 ORDER BY a.created_at`, [id]);
    return { ...row, attachments, alerts };
  }

  async attachmentCount(id: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT (SELECT count(*) FROM complaint_attachments WHERE complaint_id = c.id)::int AS n FROM complaints c WHERE c.id = $1`, [id]);
    if (!row) throw notFound(id);
    return row.n;
  }

  async addAttachments(id: string, files: AttachmentMeta[], actor: Principal) {
    return this.dataSource.transaction(async (em) => {
      const out = [];
      for (const f of files) {
        const [row] = await em.query(
          `INSERT INTO complaint_attachments (complaint_id, file_name, content_type, size_bytes, sha256, storage_path) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, file_name, content_type, size_bytes, sha256, created_at`,
          [id, f.file_name, f.content_type, f.size_bytes, f.sha256, f.storage_path],
        );
        out.push(row);
      }
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'complaint.attach', subjectType: 'complaint', subjectId: id, detail: { files: out.map((f) => ({ id: f.id, sha256: f.sha256 })) } }, em);
      return out;
    });
  }

  /** Where an attachment is stored, for download; the read of this evidence is audited. */
  async attachment(id: string, attachmentId: string, actor: Principal) {
    return this.dataSource.transaction(async (em) => {
      const [row] = await em.query(`SELECT file_name, content_type, storage_path, sha256 FROM complaint_attachments WHERE id = $1 AND complaint_id = $2`, [attachmentId, id]);
      if (!row) throw new NotFoundException({ code: 'attachment_not_found', message: `Complaint ${id} has no attachment ${attachmentId} that you may see.`, message_zh: '附件不存在或无权查看。' });
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'evidence.read', subjectType: 'complaint_attachment', subjectId: attachmentId, detail: { complaint_id: id, sha256: row.sha256 } }, em);
      return row as { file_name: string; content_type: string; storage_path: string };
    });
  }

  async setStatus(id: string, status: 'under_review' | 'closed', note: string | undefined, actor: Principal) {
    return this.dataSource.transaction(async (em) => {
      const [[row]] = await em.query(`UPDATE complaints SET status = $2, status_note = $3, updated_at = now() WHERE id = $1 AND status <> 'closed' RETURNING ${PUBLIC_COLUMNS}`, [id, status, note ?? null]);
      if (!row) throw new ConflictException({ code: 'complaint_closed_or_missing', message: `Complaint ${id} does not exist or is closed already.`, message_zh: '投诉不存在或已结案。' });
      await this.audit.append({ actorId: actor.userId, actorRole: actor.role, action: 'complaint.status', subjectType: 'complaint', subjectId: id, detail: { status, note: note ?? null } }, em);
      return row;
    });
  }

  /** The job: as the regulator, re-run detection on the newest submission holding the platform's data. */
  runTargetedDetection(complaintId: string): Promise<{ runId: string | null }> {
    return this.tenants.as({ kind: 'regulator' }, async () => {
      const [complaint] = await this.dataSource.query(`SELECT id, platform_id, status FROM complaints WHERE id = $1`, [complaintId]);
      if (!complaint || complaint.status !== 'received') return { runId: null };
      const [dataset] = await this.dataSource.query(
        `SELECT d.id FROM datasets d WHERE d.scope = 'submission' AND d.status = 'ready'
           AND (d.platform_id = $1 OR (d.platform_id IS NULL AND EXISTS (SELECT 1 FROM ev_skus s WHERE s.dataset_id = d.id AND s.platform_id = $1)))
         ORDER BY d.ready_at DESC NULLS LAST LIMIT 1`,
        [complaint.platform_id],
      );
      if (!dataset) {
        await this.dataSource.query(`UPDATE complaints SET status = 'under_review', status_note = $2, updated_at = now() WHERE id = $1`, [complaintId, 'no submitted data for this platform yet / 该平台尚无报送数据']);
        return { runId: null };
      }
      const run = await this.detection.start(dataset.id, { reason: `complaint ${complaintId}` });
      await this.dataSource.query(`UPDATE complaints SET status = 'detection_running', detection_dataset_id = $2, detection_run_id = $3, updated_at = now() WHERE id = $1`, [complaintId, dataset.id, run.id]);
      this.logger.log(`complaint ${complaintId}: detection run ${run.id} on dataset ${dataset.id}`);
      return { runId: run.id };
    });
  }

  /** After a run's alerts are synced: link those on the complained-of sku and detectors. Regulator context. */
  async linkRunAlerts(em: EntityManager, runId: string): Promise<number> {
    const complaints = await em.query(`SELECT id, sku_id, detectors FROM complaints WHERE detection_run_id = $1 AND status = 'detection_running'`, [runId]);
    let linked = 0;
    for (const c of complaints) {
      const rows = await em.query(
        `INSERT INTO complaint_alerts (complaint_id, alert_id)
         SELECT $1, a.id FROM alerts a WHERE a.last_run_id = $2 AND a.detector = ANY($3) AND a.finding->'subject'->>'sku_id' = $4
         ON CONFLICT DO NOTHING RETURNING alert_id`,
        [c.id, runId, c.detectors, c.sku_id],
      );
      linked += rows.length;
      await em.query(`UPDATE complaints SET status = $2, updated_at = now() WHERE id = $1`, [c.id, rows.length > 0 ? 'linked' : 'under_review']);
      await this.audit.append({ actorId: null, actorRole: 'system', action: 'complaint.alerts_linked', subjectType: 'complaint', subjectId: c.id, detail: { run_id: runId, alerts: rows.map((r: { alert_id: string }) => r.alert_id) } }, em);
    }
    return linked;
  }

  assertCanAttach(count: number, adding: number, max: number) {
    if (count + adding > max) {
      throw new UnprocessableEntityException({ code: 'too_many_attachments', message: `A complaint holds at most ${max} attachments; it has ${count}.`, message_zh: `每件投诉最多 ${max} 个附件。` });
    }
  }
}

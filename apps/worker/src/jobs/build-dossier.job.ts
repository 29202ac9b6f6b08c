import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import {
  buildDossier,
  caseDossierInput,
  CaseNotVisibleError,
  datasetDossierInput,
  dossierPath,
  parseSigningKey,
  pgRowStream,
  storedEvidenceRows,
  storedFindings,
  UnknownFindingsError,
  type DossierInput,
  type DossierOwner,
  type EvidenceRowSource,
  type SqlQuery,
} from '@fairmarket/dossier';
import { JobHandler, type JobHandlerOf, type JobPayloads } from '@fairmarket/jobs';
import { TenantScope } from '@fairmarket/tenancy';

type Payload = JobPayloads['build-dossier'];

/**
 * Builds a signed dossier bundle, streaming the evidence rows through a cursor and reporting
 * progress: of a dataset's selected findings, as the dataset's owner, or of a case, as a
 * regulator (cases and alerts are regulators' only). Row-level security applies either way.
 */
@Injectable()
@JobHandler('build-dossier')
export class BuildDossierJob implements JobHandlerOf<'build-dossier'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantScope,
    @Inject(APP_CONFIG) private readonly config: Environment,
  ) {}

  async handle(payload: Payload, job: Job<Payload>) {
    if (!this.config.DOSSIER_SIGNING_KEY) throw new UnrecoverableError('DOSSIER_SIGNING_KEY is not set on the worker: set an Ed25519 key (openssl genpkey -algorithm ed25519) and request the dossier again');
    let signingKey: KeyObject;
    try {
      signingKey = parseSigningKey(this.config.DOSSIER_SIGNING_KEY);
    } catch (error) {
      throw new UnrecoverableError((error as Error).message);
    }
    const query: SqlQuery = (sql, params) => this.dataSource.query(sql, params);
    const stream = pgRowStream((this.dataSource.driver as unknown as { master: Pool }).master);
    const requestedAt = new Date(job.timestamp);
    const build = async (owner: DossierOwner, input: DossierInput, rows: EvidenceRowSource) => {
      const built = await buildDossier(input, rows, {
        out: dossierPath(this.config.DOSSIER_DIR, owner, payload.dossierId),
        signingKey,
        progressEvery: 1000,
        onProgress: (p) => job.updateProgress({ ...p }),
      });
      return { bytes: built.bytes, merkle_root: built.manifest.merkle.root, rows: built.manifest.merkle.leaves, case_number: built.manifest.case.number, key_id: built.manifest.signature.key_id };
    };
    if (payload.subject === 'case') {
      return this.tenants.as({ kind: 'regulator', userId: payload.requestedBy }, async () => {
        const { input, datasetOf } = await unrecoverableOn(CaseNotVisibleError, () => caseDossierInput(query, { ...payload, requestedAt }));
        return build({ kind: 'case', id: payload.caseId }, input, storedEvidenceRows(stream, datasetOf));
      });
    }
    // Jobs queued before cases existed carry no subject: they are dataset dossiers.
    const p = payload as Extract<Payload, { subject: 'dataset' }>;
    return this.tenants.asOwnerOf('dataset', p.datasetId, async () => {
      const findings = await unrecoverableOn(UnknownFindingsError, () => storedFindings(query, p.datasetId, p.rulePack, p.findingIds));
      const input = await datasetDossierInput(query, { ...p, findings, requestedAt });
      return build({ kind: 'dataset', id: p.datasetId }, input, storedEvidenceRows(stream, p.datasetId));
    });
  }
}

/** Errors that retrying cannot cure fail the job at once, with their message. */
async function unrecoverableOn<T>(kind: new (...args: never[]) => Error, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof kind) throw new UnrecoverableError(error.message);
    throw error;
  }
}

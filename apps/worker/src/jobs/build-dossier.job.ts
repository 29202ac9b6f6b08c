import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type Environment } from '@fairmarket/config';
import { buildDossier, dossierPath, parseSigningKey, storedCaseInput, storedEvidenceRows, storedFindings, UnknownFindingsError, type SqlQuery } from '@fairmarket/dossier';
import { JobHandler, type JobHandlerOf, type JobPayloads } from '@fairmarket/jobs';
import { TenantScope } from '@fairmarket/tenancy';

/**
 * Builds the signed dossier bundle of a dataset's selected findings, as the dataset's owner
 * (row-level security applies), streaming the evidence rows and reporting progress.
 */
@Injectable()
@JobHandler('build-dossier')
export class BuildDossierJob implements JobHandlerOf<'build-dossier'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantScope,
    @Inject(APP_CONFIG) private readonly config: Environment,
  ) {}

  async handle(payload: JobPayloads['build-dossier'], job: Job<JobPayloads['build-dossier']>) {
    if (!this.config.DOSSIER_SIGNING_KEY) throw new UnrecoverableError('DOSSIER_SIGNING_KEY is not set on the worker: set an Ed25519 key (openssl genpkey -algorithm ed25519) and request the dossier again');
    let signingKey;
    try {
      signingKey = parseSigningKey(this.config.DOSSIER_SIGNING_KEY);
    } catch (error) {
      throw new UnrecoverableError((error as Error).message);
    }
    const query: SqlQuery = (sql, params) => this.dataSource.query(sql, params);
    return this.tenants.asOwnerOf('dataset', payload.datasetId, async () => {
      let findings;
      try {
        findings = await storedFindings(query, payload.datasetId, payload.rulePack, payload.findingIds);
      } catch (error) {
        if (error instanceof UnknownFindingsError) throw new UnrecoverableError(error.message);
        throw error;
      }
      const input = await storedCaseInput(query, { ...payload, findings, requestedAt: new Date(job.timestamp) });
      const built = await buildDossier(input, storedEvidenceRows(query, payload.datasetId), {
        out: dossierPath(this.config.DOSSIER_DIR, payload.datasetId, payload.dossierId),
        signingKey,
        progressEvery: 1000,
        onProgress: (p) => job.updateProgress({ ...p }),
      });
      return { bytes: built.bytes, merkle_root: built.manifest.merkle.root, rows: built.manifest.merkle.leaves, case_number: built.manifest.case.number, key_id: built.manifest.signature.key_id };
    });
  }
}

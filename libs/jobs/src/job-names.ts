/**
 * Every job FairMarket runs, its queue and its payload type. A job name has exactly one
 * handler (checked when a worker starts), and its payload type is fixed here, so producers
 * and handlers cannot disagree about what a job carries.
 */
export const QUEUES = ['ingest', 'detect'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Stream one uploaded file into the event tables. */
  'ingest-file': { datasetId: string; fileId: string };
  /** Run the detectors over a dataset: fans out one child job per platform, then decides. */
  'detect-dataset': { datasetId: string; runId: string };
  /** One platform's share of a detection run (a child of detect-dataset). */
  'detect-platform': { datasetId: string; runId: string; platformId: string };
  /** Turn a finished run's non-info findings of a submission into alerts (deduplicated by finding id). */
  'sync-alerts': { datasetId: string; runId: string };
  /** A complaint naming a platform and sku: re-run detection on that platform's latest submission. */
  'complaint-detection': { complaintId: string };
  /** Build a signed dossier bundle (issue 6): of selected findings of a dataset, or of a case. */
  'build-dossier': BuildDossierPayload;
}

/** What a dossier is built from; `subject` tells the one build-dossier handler which. */
export type BuildDossierPayload =
  | { subject: 'dataset'; datasetId: string; dossierId: string; findingIds: string[]; rulePack: string; caseNumber?: string; requestedBy?: string }
  | { subject: 'case'; caseId: string; dossierId: string; requestedBy: string };

export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'ingest-file': 'ingest',
  'detect-dataset': 'detect',
  'detect-platform': 'detect',
  'sync-alerts': 'detect',
  'complaint-detection': 'detect',
  'build-dossier': 'detect',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

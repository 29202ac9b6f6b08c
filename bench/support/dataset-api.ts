import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';

export interface DatasetFileStatus {
  file_name: string;
  status: string;
  lines: number;
  accepted: number;
  rejected: number;
  stored?: number;
  error?: string | null;
}

export interface DatasetStatus {
  id: string;
  status: string;
  ready_at: string | null;
  files: DatasetFileStatus[];
}

export interface DetectionRunStatus {
  id: string;
  status: string;
  created_at: string;
  finished_at: string | null;
  findings_count: number | null;
  error: string | null;
}

/** The dataset routes of a running api, over fetch (as a platform's own client would call them). */
export class DatasetApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async create(name: string): Promise<string> {
    const body = await this.call('/v1/datasets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, scope: 'submission' }),
    });
    return body.id as string;
  }

  /** Uploads files as one multipart request, streamed from disk (openAsBlob never reads a file whole). */
  async upload(datasetId: string, paths: readonly string[]): Promise<void> {
    const form = new FormData();
    for (const path of paths) form.append('files', await openAsBlob(path), basename(path));
    await this.call(`/v1/datasets/${datasetId}/files`, { method: 'POST', body: form });
  }

  status(datasetId: string): Promise<DatasetStatus> {
    return this.call(`/v1/datasets/${datasetId}`);
  }

  /**
   * Polls until the dataset is ready. Fails as soon as one of its files failed, or when no
   * line has been ingested for `stallMs` (a stuck worker must not hang the benchmark).
   */
  async waitReady(datasetId: string, everyMs: number, onPoll?: () => void, stallMs = 120_000): Promise<DatasetStatus> {
    let lines = -1;
    let movedAt = Date.now();
    for (;;) {
      onPoll?.();
      const status = await this.status(datasetId);
      const failed = status.files.find((f) => f.status === 'failed');
      if (failed) throw new Error(`ingestion of ${failed.file_name} failed: ${failed.error ?? 'no reason given'}; see the worker output`);
      if (status.status === 'ready') return status;
      const now = status.files.reduce((sum, f) => sum + f.lines, 0);
      if (now !== lines) {
        lines = now;
        movedAt = Date.now();
      } else if (Date.now() - movedAt > stallMs) {
        throw new Error(`dataset ${datasetId} made no progress for ${stallMs / 1000} s (${lines} lines ingested, status ${status.status}); see the worker output`);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  /** The id of the dataset's latest detection run (null while none has been recorded). */
  async latestRunId(datasetId: string): Promise<string | null> {
    const body = await this.call(`/v1/datasets/${datasetId}/findings`);
    return (body.run?.id as string | undefined) ?? null;
  }

  run(datasetId: string, runId: string): Promise<DetectionRunStatus> {
    return this.call(`/v1/datasets/${datasetId}/detections/${runId}`);
  }

  private async call(path: string, init?: RequestInit): Promise<any> {
    const headers = { ...((init?.headers as Record<string, string>) ?? {}), authorization: `Bearer ${this.token}` };
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers });
    const body: any = await res.json().catch(() => ({}));
    if (!res.ok) {
      throw new Error(`${init?.method ?? 'GET'} ${path} answered ${res.status}: ${body?.error?.message ?? body?.message ?? res.statusText}`);
    }
    return body;
  }
}

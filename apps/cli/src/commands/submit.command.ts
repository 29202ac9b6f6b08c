import { Command, CommandRunner, Option } from 'nest-commander';
import { openAsBlob } from 'node:fs';
import { scanDataset, DatasetUnreadableError } from '@fairmarket/contract';
import { writeFile } from 'node:fs/promises';
import { renderFindingsTable } from '../findings-output';
import { ProgressReporter } from '../progress';
import { renderReport } from './validate.command';

interface SubmitOptions {
  api: string;
  input: string;
  name: string;
  scope: 'self_audit' | 'submission';
  platform?: string;
  rules: string;
  wait: boolean;
  out?: string;
}

/**
 * `fairmarket submit --api URL --input DIR`: uploads a dataset directory to a FairMarket
 * server (the machine path for platforms), follows ingestion with a progress bar, and waits
 * for the detection run. Prints the dataset id on stdout.
 */
@Command({ name: 'submit', description: 'Upload a dataset directory to a FairMarket API and wait for ingestion and detection' })
export class SubmitCommand extends CommandRunner {
  async run(_params: string[], o: SubmitOptions): Promise<void> {
    let files;
    try {
      files = await scanDataset(o.input);
    } catch (error) {
      if (error instanceof DatasetUnreadableError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
    const base = o.api.replace(/\/$/, '');
    const dataset = await call(`${base}/v1/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: o.name, scope: o.scope, rule_pack: o.rules, ...(o.platform ? { platform_id: o.platform } : {}) }),
    });
    process.stderr.write(`dataset ${dataset.id}: uploading ${files.length} files\n`);
    for (const file of files) {
      const form = new FormData();
      form.append('files', await openAsBlob(file.path), file.name);
      await call(`${base}/v1/datasets/${dataset.id}/files`, { method: 'POST', body: form });
    }
    process.stdout.write(`${dataset.id}\n`);
    if (!o.wait) return;
    const progress = new ProgressReporter('ingest');
    progress.start(files.length, 'files');
    let status = await call(`${base}/v1/datasets/${dataset.id}`);
    while (status.status !== 'ready') {
      await new Promise((r) => setTimeout(r, 500));
      status = await call(`${base}/v1/datasets/${dataset.id}`);
      const done = status.files.filter((f: { status: string }) => f.status === 'done' || f.status === 'failed').length;
      progress.update(done, `${status.files.reduce((s: number, f: { lines: number }) => s + f.lines, 0)} lines`);
    }
    progress.stop();
    let findings = await call(`${base}/v1/datasets/${dataset.id}/findings?rule_pack=${o.rules}`);
    while (!findings.run || findings.run.status === 'queued' || findings.run.status === 'running') {
      await new Promise((r) => setTimeout(r, 500));
      findings = await call(`${base}/v1/datasets/${dataset.id}/findings?rule_pack=${o.rules}`);
    }
    const report = await call(`${base}/v1/datasets/${dataset.id}/report?limit=20`);
    process.stderr.write(renderReport(report));
    process.stderr.write(`detection run ${findings.run.id}: ${findings.run.status}, ${findings.findings.length} findings\n`);
    process.stderr.write(renderFindingsTable(findings));
    if (o.out) await writeFile(o.out, JSON.stringify(findings, null, 2) + '\n');
    if (findings.run.status !== 'done') process.exitCode = 1;
  }

  @Option({ flags: '--api <url>', description: 'FairMarket API base URL', defaultValue: 'http://127.0.0.1:3000' })
  parseApi(v: string): string {
    return v;
  }

  @Option({ flags: '-i, --input <dir>', description: 'dataset directory', required: true })
  parseInput(v: string): string {
    return v;
  }

  @Option({ flags: '--name <name>', description: 'dataset name', defaultValue: 'submitted dataset' })
  parseName(v: string): string {
    return v;
  }

  @Option({ flags: '--scope <scope>', description: 'self_audit or submission', defaultValue: 'submission' })
  parseScope(v: string): string {
    if (v !== 'self_audit' && v !== 'submission') throw new Error('--scope must be self_audit or submission');
    return v;
  }

  @Option({ flags: '--platform <id>', description: 'the platform every line must belong to' })
  parsePlatform(v: string): string {
    return v;
  }

  @Option({ flags: '--rules <pack>', description: 'rule pack: cn or eu', defaultValue: 'cn' })
  parseRules(v: string): string {
    return v;
  }

  @Option({ flags: '-o, --out <file>', description: 'also write the findings document here' })
  parseOut(v: string): string {
    return v;
  }

  @Option({ flags: '--no-wait', description: 'return after uploading, without waiting for ingestion and detection' })
  parseWait(): boolean {
    return false;
  }
}

/** The API wants to know who submits: an API key (FAIRMARKET_API_KEY) or a login token (FAIRMARKET_TOKEN). */
function credentials(): Record<string, string> {
  if (process.env.FAIRMARKET_API_KEY) return { 'x-api-key': process.env.FAIRMARKET_API_KEY };
  if (process.env.FAIRMARKET_TOKEN) return { authorization: `Bearer ${process.env.FAIRMARKET_TOKEN}` };
  return {};
}

async function call(url: string, init?: RequestInit): Promise<any> {
  const res = await fetch(url, { ...init, headers: { ...credentials(), ...((init?.headers as Record<string, string>) ?? {}) } });
  const body: any = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${res.status}: ${body?.error?.message ?? res.statusText}`);
  return body;
}

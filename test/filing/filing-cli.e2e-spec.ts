import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

/** `fairmarket filing`: offline, from a generated dataset whose planted declarations contradict the logs. */
describe('fairmarket filing', () => {
  let dir: string;
  let data: string;
  let inconsistent: { algorithm: string; platform: string; kind: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fm-filing-'));
    data = join(dir, 'data');
    expect((await runCli(['generate', '--out', data, '--seed', '2', '--scale', '0.15'])).code).toBe(0);
    const detected = await runCli(['detect', '--input', data, '--out', join(dir, 'findings.json'), '--detectors', 'filing_inconsistency']);
    expect(detected.code).toBe(0);
    const findings = JSON.parse(await readFile(join(dir, 'findings.json'), 'utf8')).findings as { detector: string; kind: string; platform_id: string; subject: { algorithm_id: string } }[];
    const f = findings.find((x) => x.detector === 'filing_inconsistency');
    expect(f).toBeDefined();
    inconsistent = { algorithm: f!.subject.algorithm_id, platform: f!.platform_id, kind: f!.kind };
  });

  it('writes JSON, Markdown zh/en and a PDF that show the inconsistency first', async () => {
    const out = join(dir, 'filing');
    const res = await runCli(['filing', '--input', data, '--algorithm', inconsistent.algorithm, '--platform', inconsistent.platform, '--out', out]);
    expect(res.stderr).toContain('inconsistency');
    expect(res.code).toBe(0);
    const filing = JSON.parse(await readFile(join(out, 'filing.json'), 'utf8'));
    expect(filing.schema).toBe('fairmarket.filing/v1');
    expect(filing.algorithm.id).toBe(inconsistent.algorithm);
    expect(filing.inconsistencies.map((i: { kind: string }) => i.kind)).toContain(inconsistent.kind);
    expect(Object.keys(filing.self_assessment)).toEqual(['algorithm_situation', 'service_situation', 'risk_assessment', 'risk_controls', 'conclusion']);
    const zh = await readFile(join(out, 'filing.zh.md'), 'utf8');
    const en = await readFile(join(out, 'filing.en.md'), 'utf8');
    expect(zh.indexOf('备案内容与日志不一致')).toBeLessThan(zh.indexOf('## 一、备案主体信息'));
    expect(zh).toContain('拟公示内容');
    expect(en.indexOf('contradicts the logs')).toBeLessThan(en.indexOf('## 1. Filer information'));
    expect(en).toContain('DSA art. 27');
    const pdf = join(out, 'filing.pdf');
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8');
    expect(text).toContain('算法安全自评估报告');
    expect(text).toContain('备案内容与日志不一致');
    execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '1', pdf, join(out, 'page')]);
    const png = await readFile(join(out, 'page-1.png')).catch(() => readFile(join(out, 'page-01.png')));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('exits 2 naming the algorithm when the dataset does not declare it', async () => {
    const res = await runCli(['filing', '--input', data, '--algorithm', 'no-such-algorithm', '--out', join(dir, 'none')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('no-such-algorithm');
  });
});

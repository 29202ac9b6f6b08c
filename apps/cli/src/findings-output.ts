import { SEVERITY_ORDER, type Finding, type FindingsDocument } from '@fairmarket/contract';

export function buildFindingsDocument(
  rulePackName: string,
  report: { files: FindingsDocument['dataset']['files']; rejections: FindingsDocument['dataset']['rejections'] },
  findings: Finding[],
): FindingsDocument {
  return {
    schema: 'fairmarket.findings/v1',
    rule_pack: rulePackName,
    generated_at: new Date().toISOString(),
    dataset: { files: report.files, rejections: report.rejections },
    findings,
  };
}

/** A short table of findings by detector and severity, for people reading a terminal. */
export function renderFindingsTable(document: FindingsDocument): string {
  const counts = new Map<string, Record<string, number>>();
  for (const f of document.findings) {
    const row = counts.get(f.detector) ?? {};
    row[f.severity] = (row[f.severity] ?? 0) + 1;
    counts.set(f.detector, row);
  }
  const header = `${'detector / 检测器'.padEnd(26)}${SEVERITY_ORDER.map((s) => s.padStart(8)).join('')}`;
  const lines = [`Findings (rule pack ${document.rule_pack}) / 检测结果（规则包 ${document.rule_pack}）`, header];
  for (const [detector, row] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`${detector.padEnd(26)}${SEVERITY_ORDER.map((s) => String(row[s] ?? 0).padStart(8)).join('')}`);
  }
  const alerts = document.findings.filter((f) => f.severity !== 'info').length;
  lines.push(`alerts / 告警: ${alerts}   info / 提示: ${document.findings.length - alerts}`);
  const rejected = Object.values(document.dataset.files).reduce((s, f) => s + (f?.rejected ?? 0), 0);
  if (rejected > 0) lines.push(`rejected input lines / 被拒输入行: ${rejected}`);
  return lines.join('\n') + '\n';
}

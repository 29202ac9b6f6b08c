import type { Finding } from '@fairmarket/contract';
import type { Chart } from '../charts/chart';
import { chartToSvg } from '../charts/svg-chart';
import type { DossierInput, PlatformAnswer } from '../dossier-input';
import type { ExhibitRecord } from '../manifest/dossier-manifest';
import { PdfBook } from './pdf-book';

export interface DossierPdfModel {
  input: DossierInput;
  generatedAt: string;
  exhibits: (ExhibitRecord & { sha256: string })[];
  charts: Map<string, Chart[]>;
  merkleRoot: string;
  keyId: string;
}

const SEVERITY_ZH: Record<string, string> = { high: '高', medium: '中', low: '低', info: '提示' };

/**
 * dossier.pdf: cover, evidence index (证据目录), summary, timeline, one section per allegation
 * (finding, test and thresholds, statistics, charts, legal basis), the platform's answers and
 * the chain of custody. Everything bilingual, Chinese first.
 */
export function renderDossierPdf(model: DossierPdfModel): PDFKit.PDFDocument {
  const { input } = model;
  const c = input.case;
  const book = new PdfBook({ title: `${c.number} ${c.title}`, createdAt: new Date(model.generatedAt) });

  book.title('案件卷宗 / Case Dossier', `${c.number}`);
  book.keyValues([
    ['案号 / Case number', c.number],
    ['案由 / Title', c.title_zh ? `${c.title_zh} / ${c.title}` : c.title],
    ['规则包 / Rule pack', c.rule_pack],
    ['立案日期 / Opened', c.opened_at],
    ...(c.closed_at ? ([['结案日期 / Closed', c.closed_at]] as [string, string][]) : []),
    ...(c.authority ? ([['承办机关 / Authority', c.authority]] as [string, string][]) : []),
    ['生成时间 / Generated', model.generatedAt],
    ['证据默克尔根 / Evidence Merkle root (RFC 6962)', model.merkleRoot],
    ['签名公钥指纹 / Signing key id (SHA-256 of SPKI)', model.keyId],
  ]);
  book.heading('当事人 / Parties', 2);
  book.table(['角色 / Role', '名称 / Name', '标识 / Id'], c.parties.map((p) => [p.role, p.name, p.id ?? '']), [120, 250, 125]);

  book.heading('证据目录 / Evidence index');
  book.table(
    ['#', '证据文件 / Exhibit', '指控 / Finding', '行数 / Rows', 'SHA-256'],
    model.exhibits.map((e, i) => [String(i + 1), e.path, e.finding_id, `${e.rows}${e.missing_rows ? ` (${e.missing_rows} 缺失 / missing)` : ''}`, e.sha256]),
    [22, 150, 80, 55, 188],
  );
  book.paragraph(
    '每个证据文件逐行列出指控所依据的原始输入行及其入库哈希；manifest.json 记录每个文件的 SHA-256 与证据行的默克尔根，并以 Ed25519 签名。' +
      ' / Each exhibit lists, row by row, the stored input lines behind an allegation with their ingestion hashes; manifest.json records every file\'s SHA-256 and the Merkle root over the rows, signed with Ed25519. Check with `fairmarket verify-dossier FILE`.',
    { size: 8, colour: '#444' },
  );

  book.heading('摘要 / Summary');
  const alerts = input.allegations.filter((f) => f.severity !== 'info').length;
  book.paragraph(`本卷宗包含 ${input.allegations.length} 项指控（其中 ${alerts} 项为告警）。 / This dossier holds ${input.allegations.length} allegation(s), ${alerts} of them alerts.`);
  for (const f of input.allegations) book.paragraph(`• [${SEVERITY_ZH[f.severity] ?? f.severity} / ${f.severity}] ${f.summary_zh ?? ''} ${f.summary}`, { size: 9 });

  book.heading('时间线 / Timeline');
  if (input.timeline.length === 0) book.paragraph('无记录 / none recorded');
  else book.table(['时间 / When', '事件 / Event'], input.timeline.map((t) => [t.at, t.event_zh ? `${t.event_zh} / ${t.event}` : t.event]), [140, 355]);

  input.allegations.forEach((f, i) => allegation(book, model, f, i + 1));

  book.heading('平台答复 / Platform answers');
  if (input.answers.length === 0) book.paragraph('平台尚未答复 / the platform has not answered');
  else book.table(['时间 / When', '来自 / From', '指控 / Finding', '答复 / Answer'], input.answers.map((a) => [a.at, a.from, a.finding_id ?? '', answerText(a)]), [95, 80, 80, 240]);

  book.heading('证据保管链 / Chain of custody');
  if (input.custody.length === 0) book.paragraph('无记录 / none recorded');
  else book.table(['时间 / When', '操作人 / Actor', '操作 / Action', '说明与哈希 / Detail, hash'], input.custody.map((e) => [e.at, e.actor, e.action, [e.detail, e.sha256].filter(Boolean).join(' · ')]), [95, 80, 100, 220]);

  return book.end(`${c.number} · FairMarket`);
}

function allegation(book: PdfBook, model: DossierPdfModel, f: Finding, n: number): void {
  book.pageBreak();
  book.heading(`指控 ${n} / Allegation ${n}: ${f.detector}${f.kind ? ` (${f.kind})` : ''}`);
  book.keyValues([
    ['发现编号 / Finding id', f.id],
    ['严重程度 / Severity', `${SEVERITY_ZH[f.severity] ?? f.severity} / ${f.severity}`],
    ['平台 / Platform', f.platform_id],
    ['对象 / Subject', JSON.stringify(f.subject)],
    ['期间 / Period', f.period ? `${f.period.from} — ${f.period.to}` : '—'],
    ['证据 / Evidence', `${f.evidence.length} 行列入证据文件 / rows in the exhibit, ${f.evidence_total} 总计 / in all`],
  ]);
  book.heading('认定 / Finding', 2);
  if (f.summary_zh) book.paragraph(f.summary_zh);
  book.paragraph(f.summary);
  book.heading('检验方法与阈值 / Test and thresholds', 2);
  book.paragraph(f.method, { size: 9 });
  if (f.thresholds && Object.keys(f.thresholds).length > 0) book.keyValues(Object.entries(f.thresholds).map(([k, v]) => [k, JSON.stringify(v)]));
  book.heading('统计量 / Statistics', 2);
  book.keyValues(Object.entries(f.metrics).map(([k, v]) => [k, truncate(JSON.stringify(v), 300)]));
  for (const chart of model.charts.get(f.id) ?? []) book.svg(chartToSvg(chart));
  book.heading('法律依据 / Legal basis', 2);
  for (const code of f.legal_basis) {
    const c = model.input.citations[code];
    if (!c) {
      book.paragraph(`${code}（规则包中无此条文 / not in the rule pack）`);
      continue;
    }
    book.paragraph(`${c.title_zh} ${c.article}：${c.text_zh}`, { size: 9 });
    book.paragraph(`${c.title_en}, ${c.article}: ${c.text_en}`, { size: 9, colour: '#333' });
  }
}

/** The answer and, under it, each file sent with it: name, size and SHA-256 as received. */
function answerText(a: PlatformAnswer): string {
  const files = (a.files ?? []).map((f) => `附件 / File: ${f.name} (${f.bytes} bytes, SHA-256 ${f.sha256})`);
  return [a.text, ...files].join('\n');
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

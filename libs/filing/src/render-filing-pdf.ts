import { PdfBook } from '@fairmarket/dossier';
import type { FilingDocument } from './filing-document';
import { filingSections, inconsistencyBanner } from './filing-sections';

/** The filing draft as a bilingual PDF with the CJK font embedded; inconsistencies boxed in red up front. */
export function renderFilingPdf(f: FilingDocument): PDFKit.PDFDocument {
  const book = new PdfBook({ title: `算法备案 ${f.algorithm.name}`, createdAt: new Date(f.generated_at) });
  book.title('算法备案草稿 / Algorithm filing draft', f.algorithm.name);
  book.paragraph(`${f.generated_at} · rule pack ${f.rule_pack} · ${f.algorithm.id}`, { size: 8, colour: '#555' });
  const zh = inconsistencyBanner(f, 'zh');
  const en = inconsistencyBanner(f, 'en');
  if (zh.length > 0) book.alert([...zh, '', ...en].join('\n'));
  for (const s of filingSections(f)) {
    book.heading(`${s.heading.zh} / ${s.heading.en}`);
    if (s.rows.length > 0) book.table(['项目 / Item', '内容 / Content'], s.rows.map(([k, v]) => [`${k.zh}\n${k.en}`, v.zh === v.en ? v.zh : `${v.zh}\n${v.en}`]), [140, 355]);
    for (const p of s.paragraphs ?? []) {
      book.paragraph(p.zh);
      book.paragraph(p.en, { colour: '#333' });
    }
  }
  return book.end(`FairMarket · ${f.algorithm.id}`);
}

import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { cjkFontPath } from './cjk-font';

/**
 * A thin layer over pdfkit for the reports FairMarket prints: one embedded CJK font for all
 * text (Chinese and English), headings, paragraphs, key-value lines, small tables and SVG
 * charts drawn as vectors. Both the dossier and the filing use it.
 */
export class PdfBook {
  readonly doc: PDFKit.PDFDocument;

  constructor(info: { title: string; createdAt: Date }) {
    this.doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: info.title, Creator: 'FairMarket', CreationDate: info.createdAt } });
    this.doc.registerFont('cjk', cjkFontPath());
    this.doc.font('cjk');
  }

  title(text: string, sub?: string): void {
    this.doc.fontSize(20).fillColor('#000').text(text, { align: 'center' });
    if (sub) this.doc.moveDown(0.3).fontSize(12).fillColor('#333').text(sub, { align: 'center' });
    this.doc.moveDown(1);
  }

  heading(text: string, level: 1 | 2 = 1): void {
    if (this.doc.y > this.doc.page.height - 140) this.doc.addPage();
    this.doc.moveDown(level === 1 ? 0.8 : 0.4).fontSize(level === 1 ? 15 : 12).fillColor('#10325c').text(text);
    this.doc.moveDown(0.2).fillColor('#000');
  }

  paragraph(text: string, options: { size?: number; colour?: string } = {}): void {
    this.doc.fontSize(options.size ?? 10).fillColor(options.colour ?? '#000').text(text, { align: 'left' });
    this.doc.moveDown(0.3).fillColor('#000');
  }

  /** A boxed warning a reviewer cannot miss. */
  alert(text: string): void {
    const { doc } = this;
    doc.fontSize(10);
    const width = doc.page.width - 100;
    const height = doc.heightOfString(text, { width: width - 16 }) + 14;
    if (doc.y + height > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    doc.save().rect(50, y, width, height).fillAndStroke('#fdecea', '#c0392b').restore();
    doc.fillColor('#8b1a10').text(text, 58, y + 7, { width: width - 16 });
    doc.fillColor('#000');
    doc.x = 50;
    doc.y = y + height + 6;
  }

  keyValues(rows: [string, string][]): void {
    for (const [k, v] of rows) {
      this.doc.fontSize(10).fillColor('#555').text(`${k}: `, { continued: true }).fillColor('#000').text(v);
    }
    this.doc.moveDown(0.3);
  }

  /** A simple table: fixed column widths in points, header row shaded. */
  table(header: string[], rows: string[][], widths: number[]): void {
    const { doc } = this;
    const draw = (cells: string[], shaded: boolean) => {
      doc.fontSize(8);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 6;
      if (doc.y + height > doc.page.height - 60) doc.addPage();
      const y = doc.y;
      let x = 50;
      if (shaded) doc.save().rect(x, y, widths.reduce((a, b) => a + b, 0), height).fill('#e8eef6').restore();
      cells.forEach((c, i) => {
        doc.fillColor('#000').text(c, x + 3, y + 3, { width: widths[i] - 6 });
        x += widths[i];
      });
      doc.x = 50;
      doc.y = y + height;
    };
    draw(header, true);
    for (const row of rows) draw(row, false);
    this.doc.moveDown(0.5);
  }

  svg(svg: string, width = 495, height = 238): void {
    if (this.doc.y + height > this.doc.page.height - 60) this.doc.addPage();
    SVGtoPDF(this.doc, svg, 50, this.doc.y, { width, height, fontCallback: () => 'cjk' });
    this.doc.x = 50;
    this.doc.y += height + 8;
  }

  pageBreak(): void {
    this.doc.addPage();
  }

  /** Numbers every page ("page n / N"), then ends the document; read it as a stream. */
  end(footer: string): PDFKit.PDFDocument {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.fontSize(7).fillColor('#777').text(`${footer} · ${i + 1} / ${range.count}`, 50, this.doc.page.height - 30, { width: this.doc.page.width - 100, align: 'center' });
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.doc;
  }
}

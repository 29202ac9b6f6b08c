import type { Chart, ChartPoint } from './chart';

/**
 * Renders a Chart to a self-contained SVG on the server (no browser): axes with ticks, the
 * series and a legend. Text is escaped; the PDF embeds the SVG as vectors.
 */
const W = 500;
const H = 240;
const M = { left: 56, right: 12, top: 26, bottom: 58 };
const COLOURS = ['#1f5fa8', '#c0392b', '#27864b', '#8e44ad', '#d68910', '#555555'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function chartToSvg(chart: Chart): string {
  const plotted = chart.series.filter((s) => s.points.length > 0);
  const ys = plotted.flatMap((s) => s.points.map((p) => p.y));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="9">`);
  parts.push(`<text x="${W / 2}" y="14" text-anchor="middle" font-size="11">${esc(`${chart.title_zh} / ${chart.title_en}`)}</text>`);
  if (ys.length === 0) {
    parts.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle">no data in the evidence rows / 证据行中无可绘制数据</text></svg>`);
    return parts.join('');
  }
  let yMin = Math.min(0, ...ys);
  let yMax = Math.max(...ys);
  if (yMax === yMin) yMax = yMin + 1;
  const pad = (yMax - yMin) * 0.05;
  yMax += pad;
  if (yMin < 0) yMin -= pad;
  const px = { x0: M.left, x1: W - M.right, y0: H - M.bottom, y1: M.top };
  const sy = (y: number) => px.y0 - ((y - yMin) / (yMax - yMin)) * (px.y0 - px.y1);
  parts.push(`<line x1="${px.x0}" y1="${px.y0}" x2="${px.x1}" y2="${px.y0}" stroke="#333"/><line x1="${px.x0}" y1="${px.y0}" x2="${px.x0}" y2="${px.y1}" stroke="#333"/>`);
  for (let i = 0; i <= 4; i++) {
    const v = yMin + ((yMax - yMin) * i) / 4;
    parts.push(`<line x1="${px.x0 - 3}" y1="${sy(v).toFixed(1)}" x2="${px.x1}" y2="${sy(v).toFixed(1)}" stroke="#ddd"/>`);
    parts.push(`<text x="${px.x0 - 5}" y="${(sy(v) + 3).toFixed(1)}" text-anchor="end">${esc(formatNumber(v))}</text>`);
  }
  parts.push(`<text x="12" y="${(px.y0 + px.y1) / 2}" transform="rotate(-90 12 ${(px.y0 + px.y1) / 2})" text-anchor="middle">${esc(chart.y_label)}</text>`);
  if (chart.x === 'time') parts.push(...timeSeries(chart, sy, px));
  else parts.push(...categorySeries(chart, sy, px));
  // Legend under the plot.
  let lx = M.left;
  plotted.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    parts.push(`<rect x="${lx}" y="${H - 14}" width="10" height="6" fill="${colour}"/><text x="${lx + 13}" y="${H - 8}">${esc(s.name)}</text>`);
    lx += 20 + s.name.length * 5.2;
  });
  parts.push('</svg>');
  return parts.join('');
}

type Box = { x0: number; x1: number; y0: number; y1: number };

function timeSeries(chart: Chart, sy: (y: number) => number, px: Box): string[] {
  const out: string[] = [];
  const xs = chart.series.filter((s) => s.kind !== 'rule').flatMap((s) => s.points.map((p) => p.x as number));
  if (xs.length === 0) xs.push(0, 1);
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (x1 === x0) x1 = x0 + 86_400_000;
  const sx = (x: number) => px.x0 + ((x - x0) / (x1 - x0)) * (px.x1 - px.x0);
  for (let i = 0; i <= 4; i++) {
    const t = x0 + ((x1 - x0) * i) / 4;
    out.push(`<text x="${sx(t).toFixed(1)}" y="${px.y0 + 12}" text-anchor="middle">${new Date(t).toISOString().slice(0, 10)}</text>`);
  }
  chart.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    if (s.points.length === 0) return;
    if (s.kind === 'rule') {
      const y = sy(s.points[0].y).toFixed(1);
      out.push(`<line x1="${px.x0}" y1="${y}" x2="${px.x1}" y2="${y}" stroke="${colour}" stroke-dasharray="5,3" stroke-width="1.5"/>`);
    } else if (s.kind === 'line') {
      const pts = [...s.points].sort((a, b) => (a.x as number) - (b.x as number));
      out.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.2" points="${pts.map((p: ChartPoint) => `${sx(p.x as number).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}"/>`);
    } else {
      for (const p of s.points) out.push(`<circle cx="${sx(p.x as number).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="1.8" fill="${colour}"/>`);
    }
  });
  return out;
}

function categorySeries(chart: Chart, sy: (y: number) => number, px: Box): string[] {
  const out: string[] = [];
  const labels = [...new Set(chart.series.flatMap((s) => s.points.map((p) => String(p.x))))];
  const band = (px.x1 - px.x0) / Math.max(labels.length, 1);
  const bars = chart.series.filter((s) => s.kind === 'bar');
  const width = (band * 0.8) / Math.max(bars.length, 1);
  labels.forEach((label, li) => {
    out.push(`<text x="${(px.x0 + band * (li + 0.5)).toFixed(1)}" y="${px.y0 + 12}" text-anchor="middle">${esc(label.length > 14 ? `${label.slice(0, 13)}…` : label)}</text>`);
  });
  chart.series.forEach((s, si) => {
    const colour = COLOURS[si % COLOURS.length];
    for (const p of s.points) {
      const li = labels.indexOf(String(p.x));
      const x = px.x0 + band * li + band * 0.1 + width * bars.indexOf(s);
      const top = Math.min(sy(p.y), sy(0));
      out.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${width.toFixed(1)}" height="${Math.abs(sy(p.y) - sy(0)).toFixed(1)}" fill="${colour}"/>`);
    }
  });
  return out;
}

function formatNumber(v: number): string {
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toString();
}

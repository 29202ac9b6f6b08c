export type Lang = 'zh' | 'en';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago, in the largest whole unit: "3 d" / "3 天". Triage cares about days, not seconds. */
export function formatAge(from: string | Date, now: Date, lang: Lang): string {
  const ms = Math.max(0, now.getTime() - new Date(from).getTime());
  const [n, unit] = ms >= DAY ? [Math.floor(ms / DAY), 'd'] : ms >= HOUR ? [Math.floor(ms / HOUR), 'h'] : [Math.floor(ms / MINUTE), 'min'];
  const zh: Record<string, string> = { d: '天', h: '小时', min: '分钟' };
  return lang === 'zh' ? `${n} ${zh[unit]}` : `${n} ${unit}`;
}

/** Whole days until a deadline (negative once passed), counted from now. */
export function daysLeft(due: string | Date, now: Date): number {
  return Math.ceil((new Date(due).getTime() - now.getTime()) / DAY);
}

export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A statistic for people: few significant digits, scientific notation for tiny p-values. */
export function formatNumber(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value === null || value === undefined ? '—' : String(value);
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(2);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

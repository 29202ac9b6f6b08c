/**
 * A dossier job's progress as 0-100. The worker reports `{ phase, rows, expected_rows }`
 * (libs/dossier DossierProgress): exhibits fill most of the bar, the PDF and the signed
 * manifest the rest, so the bar never sits at 100 % while the PDF is still being drawn.
 */
const PHASE_FLOOR: Record<string, number> = { exhibits: 0, pdf: 80, manifest: 95, done: 100 };

export function dossierPercent(status: { status: string; progress: unknown }): number | null {
  if (status.status === 'done') return 100;
  const p = status.progress;
  if (typeof p === 'number' && Number.isFinite(p)) return clamp(p);
  if (!p || typeof p !== 'object') return status.status === 'queued' ? 0 : null;
  const o = p as Record<string, unknown>;
  const phase = typeof o.phase === 'string' ? o.phase : null;
  if (phase === 'exhibits') {
    const rows = typeof o.rows === 'number' ? o.rows : 0;
    const expected = typeof o.expected_rows === 'number' ? o.expected_rows : 0;
    return expected > 0 ? Math.round(clamp((rows / expected) * 80)) : 0;
  }
  if (phase && phase in PHASE_FLOOR) return PHASE_FLOOR[phase];
  return null;
}

export function dossierPhase(progress: unknown): string | null {
  if (progress && typeof progress === 'object' && typeof (progress as { phase?: unknown }).phase === 'string') return (progress as { phase: string }).phase;
  return null;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, n));
}

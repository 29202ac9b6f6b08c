/** Timestamps outside this range are refused: they would each create a partition of their own. */
const MIN_TS = Date.UTC(2000, 0, 1);
const MAX_TS = Date.UTC(2100, 0, 1);

/** Rules that depend on the dataset rather than the line alone; null when the record passes. */
export function datasetRule(
  timed: boolean,
  datasetPlatformId: string | null,
  record: Record<string, unknown> | undefined,
): { field: string; reason: string } | null {
  if (!record) return null;
  if (datasetPlatformId && record.platform_id !== datasetPlatformId) {
    return { field: 'platform_id', reason: `platform_id: must be "${datasetPlatformId}", the platform this dataset belongs to` };
  }
  const tsMs = record.tsMs as number | undefined;
  if (timed && (tsMs === undefined || tsMs < MIN_TS || tsMs >= MAX_TS)) {
    return { field: 'ts', reason: 'ts: must be between 2000-01-01 and 2099-12-31' };
  }
  return null;
}

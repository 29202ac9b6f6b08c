import { readFileSync } from 'node:fs';

export interface ProcMemory {
  /** Resident set size now, in bytes. */
  rss: number;
  /** The highest resident set size the process has had (VmHWM), in bytes. */
  peakRss: number;
}

/**
 * A live process's memory from /proc/<pid>/status (Linux). VmHWM is the kernel's own
 * high-water mark, so a short spike between two samples is not missed. Null once the process
 * has exited.
 */
export function readProcMemory(pid: number): ProcMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  };
  return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
}

/** Bytes as MB (10^6), to one decimal: what the tables print. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}

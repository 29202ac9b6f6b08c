import type { DetectorName, FileKind, FileTallyJSON } from '@fairmarket/contract';

/** What a detection thread is started with. */
export interface AnalysisThreadData {
  input: string;
  pseudonymKey: string;
  rules: string;
  detectors: DetectorName[];
}

/** What it says back: each shared read as it begins, then its partials and file counts, or its error. */
export type AnalysisThreadMessage =
  | { type: 'read'; kind: FileKind }
  | {
      type: 'done';
      /** [detector, partial][] as JSON: the same round trip the server's stored partials make. */
      partials: string;
      tallies: Record<string, FileTallyJSON>;
    }
  | { type: 'error'; message: string; stack?: string };

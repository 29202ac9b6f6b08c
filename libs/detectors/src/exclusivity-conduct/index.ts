export { exclusivityConductDetector } from './exclusivity-conduct.detector';
export type { ConductPartial } from './conduct-partial';

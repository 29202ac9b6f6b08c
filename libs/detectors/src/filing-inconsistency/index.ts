export { filingInconsistencyDetector } from './filing-inconsistency.detector';
export type { FilingPartial } from './filing-partial';

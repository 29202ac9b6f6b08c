export { selfPreferencingDetector } from './self-preferencing.detector';
export type { SelfPreferencingPartial } from './preference-partial';

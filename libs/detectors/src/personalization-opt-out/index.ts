export { personalizationOptOutDetector, type OptOutPartial } from './personalization-opt-out.detector';

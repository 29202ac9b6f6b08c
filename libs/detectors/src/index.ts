export * from './detector';
export * from './finding-id';
export * from './registry';
export * from './run-detectors';
export * from './testing/memory-source';
export * from './shared-passes';

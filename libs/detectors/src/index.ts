export * from './detector';
export * from './finding-id';

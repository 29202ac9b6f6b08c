export * from './events';
export * from './findings';

export * from './environment';
export * from './load-config';
export * from './tokens';
export * from './config.module';

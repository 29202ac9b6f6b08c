export * from './tenant-context';
export * from './tenant-pool';
export * from './app-database-url';
export * from './tenant-scope.service';
export * from './tenancy.module';

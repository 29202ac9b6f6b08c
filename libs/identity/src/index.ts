export * from './roles';
export * from './access-token';
export * from './api-key-secret';
export * from './password-hash';
export * from './identity.service';
export * from './identity.module';

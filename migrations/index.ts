import { InitialSchema1763770000000 } from './1763770000000-initial-schema';
import { TenancyIdentityAudit1763900000000 } from './1763900000000-tenancy-identity-audit';
import { Cases1763900100000 } from './1763900100000-cases';
import { Complaints1763900200000 } from './1763900200000-complaints';
import { AlertEvidence1763900300000 } from './1763900300000-alert-evidence';

/** Every migration, in order. A new migration is added at the end. */
export const MIGRATIONS: Function[] = [InitialSchema1763770000000, TenancyIdentityAudit1763900000000, Cases1763900100000, Complaints1763900200000, AlertEvidence1763900300000];

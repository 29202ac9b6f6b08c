import { InitialSchema1763770000000 } from './1763770000000-initial-schema';

/** Every migration, in order. A new migration is added at the end. */
export const MIGRATIONS: Function[] = [InitialSchema1763770000000];

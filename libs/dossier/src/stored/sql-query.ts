/** How the stored-data readers reach PostgreSQL: a parameterised query (TypeORM's DataSource.query fits). */
export type SqlQuery = (sql: string, params: unknown[]) => Promise<Record<string, any>[]>;

/**
 * A parameterised query whose rows arrive through a server-side cursor, a batch at a time:
 * for reads whose size the caller does not control (the evidence rows behind a finding).
 */
export type SqlRowStream = (sql: string, params: unknown[]) => AsyncIterable<Record<string, any>>;

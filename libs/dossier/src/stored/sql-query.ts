/** How the stored-data readers reach PostgreSQL: a parameterised query (TypeORM's DataSource.query fits). */
export type SqlQuery = (sql: string, params: unknown[]) => Promise<Record<string, any>[]>;

import type { Kysely } from 'kysely';

/** The list endpoints page by (company, createdAt|updatedAt, id): one index each. */
export async function listIndexes(db: Kysely<unknown>, table: string): Promise<void> {
  await db.schema.createIndex(`${table}_company_created`).on(table).columns(['company_id', 'created_at', 'id']).execute();
  await db.schema.createIndex(`${table}_company_updated`).on(table).columns(['company_id', 'updated_at', 'id']).execute();
}

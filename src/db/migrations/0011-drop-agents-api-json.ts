import { type Kysely, type Migration, sql } from 'kysely';
import type { DatabaseKind } from '../database.ts';

/**
 * Agents no longer keep their API JSON with the row (migration 0007): every response is shaped in
 * JavaScript from the columns through the route's response schema. Drops the triggers that
 * rendered it, PostgreSQL's trigger function and the column. Each step can run again: Kysely runs
 * SQLite migrations outside a transaction, so one interrupted half-way is run again at next start.
 * A process of the previous version writes `api_json`: deploy with every such process stopped.
 */
export function dropAgentsApiJson(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (kind === 'postgres') {
        await sql`drop trigger if exists agents_api_json_insert on agents`.execute(db);
        await sql`drop trigger if exists agents_api_json_update on agents`.execute(db);
        await sql`drop function if exists agents_render_api_json()`.execute(db);
        await sql`alter table agents drop column if exists api_json`.execute(db);
        return;
      }
      for (const event of ['insert', 'update', 'cleared']) await sql.raw(`drop trigger if exists agents_api_json_${event}`).execute(db);
      const { rows } = await sql`select 1 from pragma_table_info('agents') where name = 'api_json'`.execute(db);
      if (rows.length > 0) await sql`alter table agents drop column api_json`.execute(db);
    },
  };
}

import { type Kysely, type Migration, sql } from 'kysely';
import type { DatabaseKind } from '../database.ts';

/**
 * Agents kept their API rendering in `api_json`, written by the repository and rendered by
 * triggers for a writer that left it out (SQLite json_object, PostgreSQL row_to_json). Migration
 * 0011 drops the column, its triggers and function; this one stays as it shipped, with the
 * rendering code it used folded in. The fields in AgentSchema's order.
 */
const AGENT_JSON: JsonRowSpec = {
  id: { column: 'id' },
  companyId: { column: 'company_id' },
  name: { column: 'name' },
  type: { column: 'type' },
  focus: { column: 'focus' },
  language: { column: 'language' },
  duration: { column: 'duration' },
  questions: { column: 'questions', json: true },
  instructions: { column: 'instructions' },
  voiceId: { column: 'voice_id' },
  companyPhoneNumberId: { column: 'company_phone_number_id' },
  cefrLevel: { column: 'cefr_level' },
  backgroundSound: { column: 'background_sound' },
  metadata: { column: 'metadata', json: true },
  createdAt: { column: 'created_at' },
  updatedAt: { column: 'updated_at' },
};

export function agentsApiJson(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await renderJsonColumn(db, kind, { table: 'agents', column: 'api_json', spec: AGENT_JSON });
    },
  };
}

/** API field → the column (snake_case, as in SQL) that holds it; `json` for a column whose text is JSON (embedded as is). */
type JsonRowSpec = Record<string, { column: string; json?: true }>;

interface RenderedColumn {
  table: string;
  /** The column that holds the rendering (snake_case). */
  column: string;
  spec: JsonRowSpec;
}

/**
 * Adds the column if it is missing, (re)creates its triggers and renders every existing row. Each
 * step can run again: Kysely runs SQLite migrations outside a transaction, so one interrupted
 * half-way is simply run again at the next start.
 */
async function renderJsonColumn(db: Kysely<unknown>, kind: DatabaseKind, target: RenderedColumn): Promise<void> {
  if (!(await hasColumn(db, kind, target))) await db.schema.alterTable(target.table).addColumn(target.column, 'text').execute();
  for (const statement of kind === 'postgres' ? postgresStatements(target) : sqliteStatements(target)) await sql.raw(statement).execute(db);
}

async function hasColumn(db: Kysely<unknown>, kind: DatabaseKind, { table, column }: RenderedColumn): Promise<boolean> {
  const found =
    kind === 'postgres'
      ? await sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(db)
      : await sql`select 1 from pragma_table_info(${table}) where name = ${column}`.execute(db);
  return found.rows.length > 0;
}

const quoted = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function sqliteObject(spec: JsonRowSpec, row: string): string {
  const pairs = Object.entries(spec).map(([field, { column, json }]) => {
    const value = `${row}${quoted(column)}`;
    return `${literal(field)}, ${json ? `json(${value})` : value}`;
  });
  return `json_object(${pairs.join(', ')})`;
}

// SQLite's triggers cannot change the row being written, so they update it right after, in the
// same statement. The inner UPDATE sets only the rendering, and not to NULL, so none of these
// fires again on it, even with recursive_triggers on.
function sqliteStatements({ table, column, spec }: RenderedColumn): string[] {
  const name = (event: string) => quoted(`${table}_${column}_${event}`);
  const render = `update ${quoted(table)} set ${quoted(column)} = ${sqliteObject(spec, 'new.')} where rowid = new.rowid;`;
  const sources = [...new Set(Object.values(spec).map((s) => quoted(s.column)))].join(', ');
  return [
    `drop trigger if exists ${name('insert')}`,
    `drop trigger if exists ${name('update')}`,
    `drop trigger if exists ${name('cleared')}`,
    `create trigger ${name('insert')} after insert on ${quoted(table)} when new.${quoted(column)} is null begin ${render} end`,
    `create trigger ${name('update')} after update of ${sources} on ${quoted(table)} when new.${quoted(column)} is old.${quoted(column)} begin ${render} end`,
    `create trigger ${name('cleared')} after update of ${quoted(column)} on ${quoted(table)} when new.${quoted(column)} is null begin ${render} end`,
    `update ${quoted(table)} set ${quoted(column)} = ${sqliteObject(spec, '')}`,
  ];
}

function postgresObject(spec: JsonRowSpec, row: string): string {
  const columns = Object.entries(spec).map(([field, { column, json }]) => `${row}${quoted(column)}${json ? '::json' : ''} as ${quoted(field)}`);
  return `(select row_to_json(r)::text from (select ${columns.join(', ')}) r)`;
}

function postgresStatements({ table, column, spec }: RenderedColumn): string[] {
  const fn = quoted(`${table}_render_${column}`);
  const name = (event: string) => quoted(`${table}_${column}_${event}`);
  return [
    `create or replace function ${fn}() returns trigger language plpgsql as $render$
     begin
       new.${quoted(column)} := ${postgresObject(spec, 'new.')};
       return new;
     end
     $render$`,
    `drop trigger if exists ${name('insert')} on ${quoted(table)}`,
    `drop trigger if exists ${name('update')} on ${quoted(table)}`,
    `create trigger ${name('insert')} before insert on ${quoted(table)} for each row when (new.${quoted(column)} is null) execute function ${fn}()`,
    `create trigger ${name('update')} before update on ${quoted(table)} for each row when (new.${quoted(column)} is not distinct from old.${quoted(column)} or new.${quoted(column)} is null) execute function ${fn}()`,
    `update ${quoted(table)} set ${quoted(column)} = ${postgresObject(spec, `${quoted(table)}.`)}`,
    `alter table ${quoted(table)} alter column ${quoted(column)} set not null`,
  ];
}

import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/*
 * PostgreSQL parses and plans an unnamed statement anew on every query. Kysely sends the same SQL
 * text again and again (prepared queries especially, src/db/prepared-query.ts), so each text gets
 * a name the first time it is seen and pg prepares it once per connection, then only binds and
 * executes it: less work for the database server, which shares the machine's cores. Named
 * statements live as long as their connection, so only the first MAX_NAMED texts get a name; the
 * rest (say, IN lists of every length) stay unnamed.
 */

const MAX_NAMED = 2000;

export function withNamedStatements(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  const nameFor = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) names.set(text, (name = `interviewd_${names.size + 1}`));
    return name;
  };

  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let proxy = wrapped.get(client);
    if (!proxy) {
      proxy = {
        query: ((text: unknown, values?: unknown[]) => {
          const name = typeof text === 'string' ? nameFor(text) : undefined;
          return name ? client.query({ name, text: text as string, values }) : client.query(text as never, values);
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
      wrapped.set(client, proxy);
    }
    return proxy;
  };

  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}

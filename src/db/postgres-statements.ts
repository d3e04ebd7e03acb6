import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/*
 * PostgreSQL parses and plans an unnamed statement anew on every query. Kysely sends the same SQL
 * text again and again, so each text a connection runs gets a name and pg prepares it once on that
 * connection, then only binds and executes it: less work for the database server, which shares the
 * machine's cores.
 *
 * Prepared statements live on their connection (pg remembers which names it prepared there), so
 * each connection keeps a bounded set, least recently used first: a new text past the bound
 * pushes the oldest out. An evicted statement is deallocated the next time its connection is
 * checked out of the pool, when it is idle — never inside a caller's transaction, where a failed
 * statement would abort it. Names are never reused, so no name can stand for two texts.
 */

/** Named statements per connection: well above the texts the application sends over and over. */
export const MAX_NAMED_PER_CONNECTION = 500;

interface Connection {
  proxy: PostgresPoolClient;
  /** Text → name, least recently used first (a Map keeps insertion order). */
  named: Map<string, string>;
  /** Names evicted while the connection was out of the pool: deallocated at its next checkout. */
  evicted: string[];
}

/** pg's record of the statements a connection prepared (internal to pg 8: `Connection.parsedStatements`). */
function preparedOn(client: pg.PoolClient): Record<string, string> | undefined {
  return (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements;
}

export function withNamedStatements(pool: pg.Pool, maxNamed = MAX_NAMED_PER_CONNECTION): PostgresPool {
  const connections = new WeakMap<pg.PoolClient, Connection>();
  let lastName = 0;

  const nameFor = (connection: Connection, text: string): string => {
    const known = connection.named.get(text);
    if (known !== undefined) {
      connection.named.delete(text); // now the most recently used
      connection.named.set(text, known);
      return known;
    }
    const name = `interviewd_${++lastName}`;
    connection.named.set(text, name);
    if (connection.named.size > maxNamed) {
      const [oldest, oldName] = connection.named.entries().next().value as [string, string];
      connection.named.delete(oldest);
      connection.evicted.push(oldName);
    }
    return name;
  };

  const deallocateEvicted = async (client: pg.PoolClient, connection: Connection): Promise<void> => {
    const prepared = preparedOn(client);
    for (const name of connection.evicted.splice(0)) {
      if (prepared && prepared[name] === undefined) continue; // never prepared (its query failed to parse)
      // A name we made ourselves; an error (the statement already gone) changes nothing.
      await client.query(`deallocate ${name}`).catch(() => undefined);
      if (prepared) delete prepared[name];
    }
  };

  const checkout = async (client: pg.PoolClient): Promise<PostgresPoolClient> => {
    let connection = connections.get(client);
    if (!connection) {
      const created: Connection = { named: new Map(), evicted: [], proxy: undefined as unknown as PostgresPoolClient };
      created.proxy = {
        query: ((text: unknown, values?: unknown[]) =>
          typeof text === 'string' ? client.query({ name: nameFor(created, text), text, values }) : client.query(text as never, values)) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
      connections.set(client, (connection = created));
    }
    if (connection.evicted.length > 0) await deallocateEvicted(client, connection);
    return connection.proxy;
  };

  return {
    connect: async () => checkout(await pool.connect()),
    end: () => pool.end(),
  };
}

import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Work that must commit atomically with a request's own writes (the idempotency record). */
export type CommitHook = (trx: Kysely<DB>) => Promise<void>;

/**
 * Every write transaction of a service goes through here, so cross-cutting records that must
 * commit with the change (idempotency now; the outbox later) have one place to hook in.
 */
export async function transact<T>(db: Kysely<DB>, hook: CommitHook | undefined, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await fn(trx);
    if (hook) await hook(trx);
    return result;
  });
}

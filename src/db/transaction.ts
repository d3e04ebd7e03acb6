import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dialect, DialectAdapter, Kysely, Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { takeFeedClock, type TransactionClock } from './feed-clock.ts';
import type { DB } from './schema.ts';
import { type TenantScope, TxScope } from './tenant-scope.ts';

export { TransactionClock } from './feed-clock.ts';

/** Work that must commit atomically with a request's own writes (the idempotency record). */
export type CommitHook = (trx: Transaction<DB>) => Promise<void>;

/**
 * Every write transaction of a service goes through here, so cross-cutting records that must
 * commit with the change (idempotency, the outbox) have one place to hook in. It first takes the
 * clock of the feed it writes (`src/db/feed-clock.ts`): `time` is the transaction's one time,
 * for every `createdAt`/`updatedAt` it writes, so `updatedSince` feeds follow commit order.
 * Inside `fn`, `db` itself refuses queries (see `guardTransactions`): everything goes through `trx`.
 */
export async function transact<T>(
  db: Kysely<DB>,
  clock: Clock,
  feed: string,
  hook: CommitHook | undefined,
  fn: (trx: Transaction<DB>, time: TransactionClock) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const open: OpenTransaction = { adapter: db.getExecutor().adapter, open: true };
    try {
      return await openTransactions.run(open, async () => {
        const time = await takeFeedClock(trx, feed, clock.now());
        const result = await fn(trx, time);
        if (hook) await hook(trx);
        return result;
      });
    } finally {
      open.open = false;
    }
  });
}

/**
 * A write transaction of one company: its scope inside the transaction, and its time. `ctx.scope`
 * (the request's) only reads, so a write through it instead of the transaction's does not compile.
 */
export function companyTransaction<T>(
  clock: Clock,
  ctx: { scope: TenantScope; commitHook?: CommitHook | undefined },
  fn: (scope: TxScope, time: TransactionClock) => Promise<T>,
): Promise<T> {
  return transact(ctx.scope.db, clock, ctx.scope.companyId, ctx.commitHook, (trx, time) => fn(new TxScope(trx, ctx.scope.companyId), time));
}

/*
 * A read through the root database inside a transaction's callback (the request's scope instead
 * of the transaction's, say) compiles. On SQLite it would wait for ever for the one connection the
 * transaction holds; on PostgreSQL it would run outside the transaction. So the root database of a
 * guarded dialect refuses, at once, any query asked from inside one of its own open `transact()`
 * callbacks (followed through awaits, timers and callbacks by AsyncLocalStorage). Work merely
 * started there that runs after the transaction ended, other databases, and queries outside any
 * transaction are untouched.
 */

interface OpenTransaction {
  /** Which database: the root database and its transactions share their dialect's adapter. */
  adapter: DialectAdapter;
  open: boolean;
}

const openTransactions = new AsyncLocalStorage<OpenTransaction>();

export function guardTransactions(dialect: Dialect): Dialect {
  let adapter: DialectAdapter | undefined;
  return {
    createAdapter: () => (adapter = dialect.createAdapter()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => {
      // Only the root database asks the driver for a connection; its transactions hold theirs.
      const driver = dialect.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      driver.acquireConnection = () => {
        const open = openTransactions.getStore();
        if (open?.open && open.adapter === adapter) return Promise.reject(new Error(MISUSE));
        return acquire();
      };
      return driver;
    },
  };
}

const MISUSE =
  "A query went to the root database from inside one of its transactions: inside transact() or companyTransaction() use the trx or scope it hands out, not the request's scope or the root database.";

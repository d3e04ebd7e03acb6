import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from 'kysely';
import type { RowArrays, SqliteConnection } from './sqlite-driver.ts';

/*
 * SQLite has one connection: whoever holds it (a transaction, a query) has it alone, in turn.
 *
 * Group commit. A small write's COMMIT (its pages written to the WAL) costs more than the write
 * itself, and about the same for one insert as for twenty (bench/README, "What changed"). So a
 * transaction does not commit alone: it runs as a savepoint inside one open SQLite transaction,
 * is released into it when it succeeds, hands the connection on and waits. The open transaction
 * commits once the event loop has run what arrived meanwhile (setImmediate), and only then do its
 * members resolve: nothing is acknowledged before it is committed. A member that fails rolls back
 * to its savepoint and fails alone. A statement outside any transaction (a read, a single update)
 * first commits what is open, so it never sees a write that is not committed. If the commit
 * itself fails (an I/O error, a full disk), every member of the group fails with it and none of
 * their writes remains.
 */

const SAVEPOINT = 'interviewd_member';

interface Member {
  resolve(): void;
  reject(error: unknown): void;
}

/** One holding of the connection: what Kysely calls a connection, acquired and released. */
class SqliteLease implements DatabaseConnection {
  /** `member` from BEGIN to its release or rollback; `released` once in the group (nothing left to release). */
  state: 'query' | 'member' | 'released' = 'query';

  constructor(
    private readonly driver: SqliteDriver,
    private readonly connection: SqliteConnection,
  ) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.state !== 'member') this.driver.commitGroup();
    return this.connection.executeQuery(compiledQuery);
  }

  streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (this.state !== 'member') this.driver.commitGroup();
    return this.connection.streamQuery(compiledQuery);
  }
}

export class SqliteDriver implements Driver {
  // Free exactly when `held` is false: a release with someone waiting hands the connection on.
  private held = false;
  private readonly waiting: ((lease: SqliteLease) => void)[] = [];
  /** Members released into the open SQLite transaction; null when none is open. */
  private group: Member[] | null = null;
  /** The member between its BEGIN and its release or rollback, if any. */
  private active: SqliteLease | null = null;
  private commitScheduled = false;
  /** The scheduled commit found a member running: that member commits the group as it ends. */
  private commitDue = false;

  constructor(
    private readonly connection: SqliteConnection,
    private readonly handle: BetterSqlite3.Database,
  ) {}

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(new SqliteLease(this, this.connection));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Runs a read at once if nobody holds the connection; undefined if somebody does. */
  readIfFree(sql: string, parameters: readonly unknown[]): RowArrays | undefined {
    if (this.held) return undefined;
    this.commitGroup();
    return this.connection.readArrays(sql, parameters);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A member released into the group handed the connection on already.
    if ((connection as SqliteLease).state !== 'released') this.handOn();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    // SQLite ended the open transaction on its own (after an error): settle its members first, or
    // this SAVEPOINT would start a transaction of its own that its RELEASE commits.
    if (this.group && !this.handle.inTransaction) this.commitGroup();
    const opened = !this.group;
    if (opened) this.connection.run('begin');
    try {
      this.connection.run(`savepoint ${SAVEPOINT}`);
    } catch (error) {
      if (opened) this.connection.run('rollback');
      throw error;
    }
    this.group ??= [];
    lease.state = 'member';
    this.active = lease;
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    this.connection.run(`release ${SAVEPOINT}`);
    lease.state = 'released';
    this.active = null;
    const group = this.group as Member[];
    const committed = new Promise<void>((resolve, reject) => group.push({ resolve, reject }));
    this.handOn();
    if (this.commitDue) this.commitGroup();
    else this.scheduleCommit();
    return committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    // Already in the group: it fails with the group's commit, which has settled or will.
    if (lease.state !== 'member') return;
    lease.state = 'query';
    this.active = null;
    if (this.handle.inTransaction) {
      this.connection.run(`rollback to ${SAVEPOINT}`);
      this.connection.run(`release ${SAVEPOINT}`);
    }
    // Nobody else waits on the open transaction: close it now rather than leave it open.
    if (this.group?.length === 0) this.closeGroup();
    else if (this.commitDue) this.commitGroup();
  }

  /** Commits the open SQLite transaction (if any) and settles its members. Never while a member runs. */
  commitGroup(): void {
    const group = this.group;
    if (!group || this.active) return;
    this.group = null;
    this.commitDue = false;
    let failure: unknown = null;
    if (!this.handle.inTransaction) {
      // SQLite rolled the whole transaction back (an I/O error, say): the members' writes are gone.
      failure = new Error('SQLite rolled back the transaction before it could commit.');
    } else {
      try {
        this.connection.run('commit');
      } catch (error) {
        failure = error;
        if (this.handle.inTransaction) this.connection.run('rollback');
      }
    }
    for (const member of group) {
      if (failure) member.reject(failure);
      else member.resolve();
    }
  }

  private closeGroup(): void {
    this.group = null;
    this.commitDue = false;
    if (this.handle.inTransaction) this.connection.run('rollback');
  }

  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      if (this.active) this.commitDue = true;
      else this.commitGroup();
    });
  }

  private handOn(): void {
    const next = this.waiting.shift();
    if (next) next(new SqliteLease(this, this.connection));
    else this.held = false;
  }

  async destroy(): Promise<void> {
    this.commitGroup();
    // Still open only if a transaction is running as the database closes: closing rolls it back.
    const unsettled = this.group ?? [];
    this.group = null;
    this.handle.close();
    for (const member of unsettled) member.reject(new Error('The database closed before the transaction committed.'));
  }
}

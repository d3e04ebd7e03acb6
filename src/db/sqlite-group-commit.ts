import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from 'kysely';
import type { RowArrays, SqliteConnection } from './sqlite-driver.ts';

/*
 * SQLite has one connection: whoever holds it (a transaction, a query) has it alone, in turn.
 *
 * Group commit. A small write's COMMIT (its pages written to the WAL) costs more than the write
 * itself, and about the same for one insert as for twenty (bench/README, "What changed"). So a
 * transaction does not commit alone: it runs as a savepoint inside one open SQLite transaction
 * (BEGIN IMMEDIATE: the write lock and the latest snapshot from the start), is released into it
 * when it succeeds, hands the connection on and waits. The open transaction commits once the
 * event loop has run what arrived meanwhile (setImmediate), and only then do its members resolve:
 * nothing is acknowledged before it is committed. A member that fails rolls back to its savepoint
 * and fails alone. A statement outside any transaction (a read, a single update) first commits
 * what is open, so it never sees a write that is not committed. If the commit itself fails (an
 * I/O error, a full disk), or SQLite rolls the whole transaction back, every member of the group
 * fails and none of their writes remains.
 *
 * The price: a transaction that waits (a timer, the network, another transaction's result) while
 * it runs holds back the commit of those released before it, and one that waits for one of those
 * would wait for ever. So the wait is bounded: a transaction that still holds the group back
 * `maxHoldMs` after its commit was due is rolled back to its savepoint and fails (its next
 * statement or its commit), and the group commits without it. DEVELOPERS.md: transactions do not
 * wait.
 */

const SAVEPOINT = 'interviewd_member';

interface Member {
  lease: SqliteLease;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * One holding of the connection, what Kysely calls a connection: `holding` it (no transaction),
 * `member` (inside its savepoint), then `released` into the group and `detached` once the group
 * settled. A released transaction handed the connection on: nothing more runs on that lease (a
 * `db.connection()` serves statements or one transaction, after which it is spent), so a late
 * statement fails instead of running in someone else's transaction or holding the connection.
 */
class SqliteLease implements DatabaseConnection {
  state: 'holding' | 'member' | 'aborted' | 'released' | 'detached' = 'holding';
  /** The group commit's outcome, once released. */
  outcome: Promise<void> | null = null;
  /** Why an `aborted` member was rolled back (it still holds the connection until released). */
  abortedBy: Error | null = null;

  constructor(private readonly driver: SqliteDriver) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      this.driver.beforeStatement(this);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.driver.connection.executeQuery(compiledQuery);
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    this.driver.beforeStatement(this);
    yield* this.driver.connection.streamQuery<R>(compiledQuery);
  }
}

export class SqliteDriver implements Driver {
  // Free exactly when `held` is false: a release with someone waiting hands the connection on.
  private held = false;
  private readonly waiting: (() => void)[] = [];
  /** Members released into the open SQLite transaction; null when none is open. */
  private group: Member[] | null = null;
  /** The member between its BEGIN and its release or rollback, if any. */
  private active: SqliteLease | null = null;
  private commitScheduled = false;
  /** The scheduled commit found a member running: that member commits the group as it ends. */
  private commitDue = false;
  private holdTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly connection: SqliteConnection,
    private readonly handle: BetterSqlite3.Database,
    /** How long a running member may hold back a due commit before it is rolled back. */
    private readonly maxHoldMs = 5_000,
  ) {}

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(new SqliteLease(this));
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(new SqliteLease(this))));
  }

  /** Runs a read at once if nobody holds the connection; undefined if somebody does. */
  readIfFree(sql: string, parameters: readonly unknown[]): RowArrays | undefined {
    if (this.held) return undefined;
    this.commitGroup();
    return this.connection.readArrays(sql, parameters);
  }

  /** Readies the connection for a statement of the lease, or throws why it cannot run. */
  beforeStatement(lease: SqliteLease): void {
    if (lease.state === 'member') {
      // SQLite rolled the transaction back (an I/O error, say): a statement now would autocommit.
      if (!this.handle.inTransaction) throw new Error('SQLite rolled this transaction back; it can only fail now.');
    } else if (lease.state === 'holding') {
      this.commitGroup();
    } else if (lease.abortedBy) {
      throw lease.abortedBy;
    } else {
      throw new Error('This transaction has ended and its connection was handed on; nothing more can run on it.');
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    // Released mid-transaction (never in Kysely's own flow): undo it; the connection is handed on regardless.
    if (lease.state === 'member' || lease.state === 'aborted') await this.rollbackTransaction(lease).catch(() => undefined);
    // A lease released into the group or detached handed the connection on already.
    if (lease.state === 'holding') {
      lease.state = 'detached';
      this.handOn();
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    if (lease.state !== 'holding' || this.active) throw new Error('This connection cannot begin a transaction: one is open on it, or it was handed on.');
    // SQLite ended the open transaction on its own (after an error): settle its members first, or
    // this SAVEPOINT would start a transaction of its own that its RELEASE commits.
    if (this.group && !this.handle.inTransaction) this.commitGroup();
    const opened = !this.group;
    if (opened) {
      this.discardLeftOver();
      this.connection.run('begin immediate');
    }
    try {
      this.connection.run(`savepoint ${SAVEPOINT}`);
    } catch (error) {
      if (opened) this.settleGroup(error);
      throw error;
    }
    this.group ??= [];
    lease.state = 'member';
    this.active = lease;
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    if (lease.abortedBy) return Promise.reject(lease.abortedBy);
    // Committed again (a retry after a failure): the answer is the group's, whatever it was.
    if (lease.state !== 'member') return lease.outcome ?? Promise.reject(new Error('No transaction is open on this connection.'));
    try {
      this.connection.run(`release ${SAVEPOINT}`);
    } catch (error) {
      return Promise.reject(error);
    }
    lease.state = 'released';
    this.active = null;
    const group = this.group as Member[];
    lease.outcome = new Promise<void>((resolve, reject) => group.push({ lease, resolve, reject }));
    this.handOn();
    if (this.commitDue) this.commitGroup();
    else this.scheduleCommit();
    return lease.outcome;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as SqliteLease;
    // Rolled back already, when it held the group back too long.
    if (lease.state === 'aborted') lease.state = 'holding';
    // Already in the group: it fails with the group's commit, which has settled or will.
    if (lease.state !== 'member') return;
    lease.state = 'holding';
    this.active = null;
    try {
      if (this.handle.inTransaction) {
        this.connection.run(`rollback to ${SAVEPOINT}`);
        this.connection.run(`release ${SAVEPOINT}`);
      }
    } catch (error) {
      // The savepoint could not be undone: nothing in the open transaction can be trusted.
      this.settleGroup(error);
      throw error;
    }
    // Nobody else waits on the open transaction: close it now rather than leave it open.
    if (this.group?.length === 0) this.settleGroup(new Error('rolled back'));
    else if (this.commitDue) this.commitGroup();
  }

  /** Commits the open SQLite transaction (if any) and settles its members. Never while a member runs. */
  commitGroup(): void {
    if (this.active) return;
    if (!this.group) return this.discardLeftOver();
    try {
      // SQLite may have rolled the whole transaction back (an I/O error, say): the writes are gone.
      if (!this.handle.inTransaction) throw new Error('SQLite rolled back the transaction before it could commit.');
      this.connection.run('commit');
    } catch (error) {
      this.settleGroup(error);
      return;
    }
    this.settleGroup(null);
  }

  /** Ends the open group: its members resolve (committed) or fail with `failure`, rolled back. */
  private settleGroup(failure: unknown): void {
    const group = this.group ?? [];
    this.group = null;
    this.commitDue = false;
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    try {
      if (failure !== null && this.handle.inTransaction) this.connection.run('rollback');
    } catch {
      // Still open (a member left a query iterating, say): the next statement discards it first.
    } finally {
      for (const member of group) {
        member.lease.state = 'detached';
        if (failure === null) member.resolve();
        else member.reject(failure);
      }
    }
  }

  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      if (this.active) this.holdBack(this.active);
      else if (this.group) this.commitGroup();
    });
  }

  /** The commit is due but `member` runs: it commits the group as it ends, or is rolled back. */
  private holdBack(member: SqliteLease): void {
    this.commitDue = true;
    this.holdTimer ??= setTimeout(() => {
      this.holdTimer = null;
      if (this.active !== member || !this.commitDue) return;
      member.state = 'aborted';
      member.abortedBy = new Error(`This transaction waited over ${this.maxHoldMs} ms while others waited for their commit; it was rolled back.`);
      this.active = null;
      try {
        this.connection.run(`rollback to ${SAVEPOINT}`);
        this.connection.run(`release ${SAVEPOINT}`);
      } catch (error) {
        this.settleGroup(error);
        return;
      }
      this.commitGroup();
    }, this.maxHoldMs);
  }

  /**
   * A transaction open with no group and no member is what a failed ROLLBACK left: nothing in it
   * belongs to anyone, and no statement may run inside it. Throws if it still cannot be rolled back.
   */
  private discardLeftOver(): void {
    if (this.handle.inTransaction) this.connection.run('rollback');
  }

  private handOn(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  async destroy(): Promise<void> {
    try {
      this.commitGroup();
    } catch {
      // A transaction left over that cannot be rolled back: closing discards it.
    }
    // Still open only if a transaction is running as the database closes: closing rolls it back.
    const unsettled = this.group ?? [];
    this.group = null;
    for (const member of unsettled) member.reject(new Error('The database closed before the transaction committed.'));
    this.handle.close();
  }
}

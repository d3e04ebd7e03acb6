import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations.ts';
import { attachDirectReads, directReadsOf, SqliteCamelCase, sqliteDialect } from './sqlite-driver.ts';

// The SQLite driver alone (so once, in the SQLite project), on a real database file, with a second
// connection watching what is committed.
interface Rows {
  items: { id: number; parentId: number | null };
  parents: { id: number };
}

describe.runIf(testDatabaseKind === 'sqlite')('SQLite group commit', () => {
  let dir: string;
  let file: string;
  let db: Kysely<Rows>;
  let observer: BetterSqlite3.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interviewd-group-commit-'));
    file = join(dir, 'db.sqlite');
    const handle = new BetterSqlite3(file);
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    // No checkpoints: the WAL's size counts what the commits wrote.
    handle.pragma('wal_autocheckpoint = 0');
    handle.exec(`create table parents (id integer primary key);
      create table items (id integer primary key, parent_id integer references parents(id) deferrable initially deferred);
      insert into parents values (1);
      create trigger items_abort before insert on items when new.id = 666 begin select raise(rollback, 'abort'); end;`);
    handle.pragma('foreign_keys = ON');
    // A transaction that holds a due commit back is rolled back after 200 ms here (5 s in service).
    const dialect = sqliteDialect(handle, { maxHoldMs: 200 });
    const camelCase = new SqliteCamelCase();
    db = new Kysely<Rows>({ dialect, plugins: [camelCase] });
    attachDirectReads(db, dialect, camelCase);
    observer = new BetterSqlite3(file, { readonly: true });
  });

  afterEach(async () => {
    observer.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const committedIds = () => (observer.prepare('select id from items order by id').all() as { id: number }[]).map((r) => r.id);
  const insert = (id: number, parentId: number | null = null) =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id, parentId }).execute();
      return id;
    });
  const walBytes = () => statSync(`${file}-wal`).size;

  it('answers a transaction only once it is committed, and commits concurrent ones together', async () => {
    const before = walBytes();
    const seen: number[][] = [];
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    const done = await Promise.all(ids.map((id) => insert(id).then((value) => (seen.push(committedIds()), value))));
    expect(done).toEqual(ids);
    // Each resolved transaction was already visible to another connection.
    for (const visible of seen) expect(visible).toEqual(ids);
    const grouped = walBytes() - before;

    const sequentialStart = walBytes();
    for (const id of ids) await insert(id + 100);
    const sequential = walBytes() - sequentialStart;
    // One commit wrote the ten rows' pages once; ten commits wrote them ten times.
    expect(grouped * 3).toBeLessThan(sequential);
  });

  it('fails a member alone: the others of its group commit', async () => {
    await insert(5);
    const results = await Promise.allSettled([insert(1), insert(5), insert(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedIds()).toEqual([1, 2, 5]);
  });

  it('fails every member when the commit itself fails, and keeps none of their writes', async () => {
    // A deferred foreign key is checked at COMMIT: the group's commit fails.
    const results = await Promise.allSettled([insert(1), insert(2, 99), insert(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(committedIds()).toEqual([]);
    // The connection is usable again.
    await insert(4);
    expect(committedIds()).toEqual([4]);
  });

  it('commits what is waiting before a statement outside any transaction runs (Kysely)', async () => {
    const pending = insert(1);
    // Queued behind the transaction; it runs once the transaction is released into the group.
    const rows = await sql<{ id: number }>`select id from items`.execute(db);
    expect(rows.rows).toEqual([{ id: 1 }]);
    // Still in the same turn of the event loop (the scheduled commit has not run): the read committed it.
    expect(committedIds()).toEqual([1]);
    await pending;
  });

  it('commits what is waiting before a direct read runs', async () => {
    const pending = insert(1);
    // Enough microtask turns for the transaction to be released into the group, none for setImmediate.
    for (let i = 0; i < 100; i++) await Promise.resolve();
    expect(committedIds()).toEqual([]);
    expect(directReadsOf(db)?.select('select id from items', [])).toEqual([{ id: 1 }]);
    expect(committedIds()).toEqual([1]);
    await pending;
  });

  it('never commits a member halfway: a transaction that waits on I/O holds the group until it ends', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = insert(1);
    const slow = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 2, parentId: null }).execute();
      await held;
      await trx.insertInto('items').values({ id: 3, parentId: null }).execute();
    });
    // Several turns of the event loop: the scheduled commit came and found the slow member running.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(committedIds()).toEqual([]);
    release();
    await Promise.all([first, slow]);
    expect(committedIds()).toEqual([1, 2, 3]);
  });

  it('rolls a failed transaction back without touching what the group holds', async () => {
    const ok = insert(1);
    const failed = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 2, parentId: null }).execute();
      throw new Error('changed my mind');
    });
    await expect(failed).rejects.toThrow('changed my mind');
    await ok;
    expect(committedIds()).toEqual([1]);
  });

  it('fails a retried commit of a transaction whose group failed, and leaves the next transaction alone', async () => {
    const controlled = await db.startTransaction().execute();
    await controlled.insertInto('items').values({ id: 2, parentId: 99 }).execute();
    await expect(controlled.commit().execute()).rejects.toThrow(/FOREIGN KEY/);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const next = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 3, parentId: null }).execute();
      await held;
      await trx.insertInto('items').values({ id: 4, parentId: null }).execute();
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The retry while another transaction runs: it fails again and touches nothing of the other's.
    await expect(controlled.commit().execute()).rejects.toThrow(/FOREIGN KEY/);
    expect(committedIds()).toEqual([]);
    release();
    await next;
    expect(committedIds()).toEqual([3, 4]);
  });

  it('spends a db.connection() on its transaction: nothing more runs on it, and the connection is not held', async () => {
    let late = '';
    await db.connection().execute(async (conn) => {
      await conn.transaction().execute((trx) => trx.insertInto('items').values({ id: 1, parentId: null }).execute());
      // The connection was handed on when the transaction was released into its group.
      late = await conn
        .insertInto('items')
        .values({ id: 2, parentId: null })
        .execute()
        .then(() => 'ran', (error: Error) => error.message);
    });
    expect(late).toMatch(/handed on/);
    // Nobody holds the connection: the next transactions run and commit.
    await Promise.all([insert(3), insert(4)]);
    expect(committedIds()).toEqual([1, 3, 4]);
  });

  it('refuses a statement on a transaction that has ended', async () => {
    let late!: Promise<string>;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 1, parentId: null }).execute();
      // Not awaited: it runs after the transaction was released.
      late = Promise.resolve().then(async () => {
        for (let i = 0; i < 20; i++) await Promise.resolve();
        return trx.insertInto('items').values({ id: 2, parentId: null }).execute();
      }).then(() => 'ran', (error: Error) => error.message);
    });
    expect(await late).toMatch(/ended|committed/);
    expect(committedIds()).toEqual([1]);
  });

  it('holds the write lock from the first member on: another process cannot commit under the group', async () => {
    const writer = new BetterSqlite3(file);
    writer.pragma('busy_timeout = 0');
    try {
      const reader = db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('items').select('id').execute();
        // Another process tries to write while the group is open: it has to wait its turn.
        expect(() => writer.prepare('insert into items values (100, null)').run()).toThrow(/locked|busy/i);
        return rows;
      });
      const written = insert(1);
      await Promise.all([reader, written]);
      expect(committedIds()).toEqual([1]);
      writer.prepare('insert into items values (100, null)').run();
      expect(committedIds()).toEqual([1, 100]);
    } finally {
      writer.close();
    }
  });

  it('fails the whole group, and runs nothing more, when SQLite rolls the transaction back', async () => {
    const released = insert(1);
    const aborted = db.transaction().execute(async (trx) => {
      await expect(trx.insertInto('items').values({ id: 666, parentId: null }).execute()).rejects.toThrow('abort');
      // Outside any transaction now, this would autocommit: it must fail instead.
      await trx.insertInto('items').values({ id: 7, parentId: null }).execute();
    });
    await expect(aborted).rejects.toThrow(/rolled this transaction back/);
    await expect(released).rejects.toThrow(/rolled back/);
    expect(committedIds()).toEqual([]);
    await insert(8);
    expect(committedIds()).toEqual([8]);
  });

  it('rolls back a transaction that waits for one released before it, instead of waiting for ever', async () => {
    const first = insert(1);
    const waiting = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 2, parentId: null }).execute();
      // Waits for a commit that waits for this transaction to end.
      await first;
      await trx.insertInto('items').values({ id: 3, parentId: null }).execute();
    });
    await expect(waiting).rejects.toThrow(/waited over 200 ms/);
    await first;
    expect(committedIds()).toEqual([1]);
    // The connection was handed on: the next transactions run.
    await Promise.all([insert(4), insert(5)]);
    expect(committedIds()).toEqual([1, 4, 5]);
  });

  it('has no deferred constraint in the schema to fail a whole group at COMMIT', async () => {
    const database = openDatabase('sqlite::memory:');
    await migrateToLatest(database);
    const tables = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where sql is not null`.execute(database.db);
    await database.close();
    expect(tables.rows.length).toBeGreaterThan(10);
    expect(tables.rows.filter((t) => /\bdeferr/i.test(t.sql)).map((t) => t.name)).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/harness.ts';
import { sqliteDialect } from './sqlite-driver.ts';

// The SQLite driver alone (so once, in the SQLite project), on a real database file, with a second
// connection (as another process would have) beside it.
interface Rows {
  items: { id: number; label: string };
}

describe.runIf(testDatabaseKind === 'sqlite')('the SQLite driver', () => {
  let dir: string;
  let file: string;
  let db: Kysely<Rows>;
  let other: BetterSqlite3.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interviewd-sqlite-driver-'));
    file = join(dir, 'db.sqlite');
    const handle = new BetterSqlite3(file);
    handle.pragma('journal_mode = WAL');
    handle.exec(`create table items (id integer primary key, label text not null);
      insert into items values (1, 'one');
      create trigger items_abort before insert on items when new.id = 666 begin select raise(rollback, 'abort'); end;`);
    db = new Kysely<Rows>({ dialect: sqliteDialect(handle), plugins: [new CamelCasePlugin()] });
    other = new BetterSqlite3(file);
    other.pragma('busy_timeout = 0');
  });

  afterEach(async () => {
    other.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const labels = async () => (await db.selectFrom('items').select('label').orderBy('id').execute()).map((r) => r.label);

  it('takes the write lock when a transaction begins, before its first write', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('items').selectAll().execute();
      expect(() => other.exec(`insert into items values (2, 'other')`)).toThrow(/locked|busy/i);
    });
    other.exec(`insert into items values (2, 'other')`);
    expect(await labels()).toEqual(['one', 'other']);
  });

  it('reads outside a transaction without the write lock: another connection may hold it meanwhile', async () => {
    other.exec(`begin immediate; insert into items values (2, 'uncommitted')`);
    expect(await labels()).toEqual(['one']);
    other.exec('rollback');
  });

  it('runs nothing more in a transaction SQLite rolled back on its own, rather than autocommit it', async () => {
    const attempt = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 2, label: 'two' }).execute();
      await trx.insertInto('items').values({ id: 666, label: 'abort' }).execute().catch(() => undefined);
      await trx.insertInto('items').values({ id: 3, label: 'three' }).execute();
    });
    await expect(attempt).rejects.toThrow(/rolled this transaction back/);
    expect(await labels()).toEqual(['one']);
    // The connection is free and sound again.
    await db.transaction().execute((trx) => trx.insertInto('items').values({ id: 4, label: 'four' }).execute());
    expect(await labels()).toEqual(['one', 'four']);
  });

  it('supports savepoints (Kysely’s API)', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('items').values({ id: 2, label: 'kept' }).execute();
    const saved = await trx.savepoint('before "odd" name').execute();
    await saved.insertInto('items').values({ id: 3, label: 'undone' }).execute();
    await (await (await saved.rollbackToSavepoint('before "odd" name').execute()).releaseSavepoint('before "odd" name').execute()).commit().execute();
    expect(await labels()).toEqual(['one', 'kept']);
  });

  it('reads the column names on every execution of a cached statement', async () => {
    const all = () => sql<Record<string, unknown>>`select * from items`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, label: 'one' }]);
    // Another connection rebuilds the table with its columns in another order, and one more.
    other.exec(`begin;
      create table items_new (note text, label text not null, id integer primary key);
      insert into items_new (id, label, note) select id, label, 'new' from items;
      drop table items; alter table items_new rename to items; commit`);
    expect((await all()).rows).toEqual([{ note: 'new', label: 'one', id: 1 }]);
  });
});

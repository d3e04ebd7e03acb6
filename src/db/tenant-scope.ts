import { type DeleteQueryBuilder, type DeleteResult, type Insertable, type InsertObject, type Kysely, type SelectQueryBuilder, type SqlBool, type Transaction, type UpdateQueryBuilder, type UpdateResult, sql } from 'kysely';
import type { DB } from './schema.ts';

/** Tables whose rows belong to one company. */
export type TenantTable = {
  [K in keyof DB]: DB[K] extends { companyId: string } ? K : never;
}[keyof DB];

/**
 * The one door to tenant data: every query on a tenant table goes through a scope built for the
 * acting company, which adds `company_id = ?` itself. Repositories never receive an unscoped
 * handle for these tables, so forgetting the filter is not possible.
 *
 * A `TenantScope` (a request's) only reads. Writes go through a `TxScope`, which only a write
 * transaction hands out (`companyTransaction`): a repository function that writes takes a
 * `TxScope`, so writing outside the transaction does not compile; one that reads takes either.
 */
export class TenantScope {
  constructor(
    readonly db: Kysely<DB>,
    readonly companyId: string,
  ) {}

  /** A scope on the same company that reads through `db` (a read transaction). */
  in(db: Kysely<DB>): TenantScope {
    return new TenantScope(db, this.companyId);
  }

  protected owned(table: TenantTable) {
    return sql<SqlBool>`${sql.ref(`${table}.companyId`)} = ${this.companyId}`;
  }

  // The casts only restate what Kysely infers for one concrete table; TypeScript cannot follow it
  // through the generic parameter.
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<DB, T, object> {
    const query = this.db.selectFrom(table as TenantTable) as unknown as SelectQueryBuilder<DB, T, object>;
    return query.where(this.owned(table));
  }
}

/** One company inside a write transaction: reads and writes, all in the transaction. */
export class TxScope extends TenantScope {
  declare readonly db: Transaction<DB>;

  constructor(trx: Transaction<DB>, companyId: string) {
    super(trx, companyId);
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
    const query = this.db.updateTable(table as TenantTable) as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>;
    return query.where(this.owned(table));
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
    const query = this.db.deleteFrom(table as TenantTable) as unknown as DeleteQueryBuilder<DB, T, DeleteResult>;
    return query.where(this.owned(table));
  }

  insertInto<T extends TenantTable>(table: T, rows: Omit<InsertObject<DB, T>, 'companyId'> | Omit<InsertObject<DB, T>, 'companyId'>[]) {
    const values = (Array.isArray(rows) ? rows : [rows]).map((row) => ({ ...row, companyId: this.companyId }) as unknown as Insertable<DB[T]>);
    return this.db.insertInto(table).values(values as never);
  }
}

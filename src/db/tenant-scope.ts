import { type DeleteQueryBuilder, type DeleteResult, type Insertable, type Kysely, type SelectQueryBuilder, type SqlBool, type UpdateQueryBuilder, type UpdateResult, sql } from 'kysely';
import type { DB } from './schema.ts';

/** Tables whose rows belong to one company. */
export type TenantTable = {
  [K in keyof DB]: DB[K] extends { companyId: string } ? K : never;
}[keyof DB];

/**
 * The one door to tenant data: every query on a tenant table goes through a scope built for the
 * acting company, which adds `company_id = ?` itself. Repositories never receive an unscoped
 * handle for these tables, so forgetting the filter is not possible.
 */
export class TenantScope {
  constructor(
    readonly db: Kysely<DB>,
    readonly companyId: string,
  ) {}

  /** A scope on the same company inside a transaction. */
  in(db: Kysely<DB>): TenantScope {
    return new TenantScope(db, this.companyId);
  }

  private owned(table: TenantTable) {
    return sql<SqlBool>`${sql.ref(`${table}.companyId`)} = ${this.companyId}`;
  }

  // The casts only restate what Kysely infers for one concrete table; TypeScript cannot follow it
  // through the generic parameter.
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<DB, T, object> {
    const query = this.db.selectFrom(table as TenantTable) as unknown as SelectQueryBuilder<DB, T, object>;
    return query.where(this.owned(table));
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
    const query = this.db.updateTable(table as TenantTable) as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>;
    return query.where(this.owned(table));
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
    const query = this.db.deleteFrom(table as TenantTable) as unknown as DeleteQueryBuilder<DB, T, DeleteResult>;
    return query.where(this.owned(table));
  }

  insertInto<T extends TenantTable>(table: T, rows: Omit<Insertable<DB[T]>, 'companyId'> | Omit<Insertable<DB[T]>, 'companyId'>[]) {
    const values = (Array.isArray(rows) ? rows : [rows]).map((row) => ({ ...row, companyId: this.companyId }) as unknown as Insertable<DB[T]>);
    return this.db.insertInto(table).values(values as never);
  }
}

import type { Kysely, Migration } from 'kysely';

/** §10 extension `statusReason`: why an interview ended as it did (null while it has not ended). */
export const interviewStatusReason: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('interviews').addColumn('status_reason', 'text').execute();
  },
};

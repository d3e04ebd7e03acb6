import type { Kysely, Migration } from 'kysely';
import { listIndexes } from './list-indexes.ts';

/** Interviews (§10), their transcript turns and call attempts. */
export const interviews: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('interviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
      .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
      .addColumn('job_id', 'text', (c) => c.references('jobs.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_date', 'text')
      .addColumn('duration_minutes', 'integer')
      .addColumn('reserved_minutes', 'integer', (c) => c.notNull())
      .addColumn('is_test', 'integer', (c) => c.notNull())
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('room_token', 'text', (c) => c.unique())
      .addColumn('analysis', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await listIndexes(db, 'interviews');
    await db.schema.createIndex('interviews_candidate').on('interviews').columns(['candidate_id']).execute();
    await db.schema.createIndex('interviews_company_status').on('interviews').columns(['company_id', 'status']).execute();

    await db.schema
      .createTable('transcript_turns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('transcript_turns_interview').on('transcript_turns').columns(['interview_id', 'position']).execute();

    await db.schema
      .createTable('call_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id'))
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason_code', 'text')
      .addColumn('notes', 'text')
      .addColumn('retry_number', 'integer', (c) => c.notNull())
      .addColumn('recording_url', 'text')
      .addColumn('duration', 'integer')
      .addColumn('scheduled_at', 'text', (c) => c.notNull())
      .addColumn('called_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('call_attempts_interview').on('call_attempts').columns(['interview_id', 'created_at']).execute();
  },
};

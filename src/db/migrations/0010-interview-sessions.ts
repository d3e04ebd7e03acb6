import type { Kysely, Migration } from 'kysely';

/**
 * The interview runtime's durable state. `interview_sessions` holds one live interview's session
 * (the engine's state as JSON, and whether the model interviewer failed so the structured one
 * finished it); `transcript_turns.question_index` marks the interviewer turn that asked a plan
 * question, so an analysis knows which answers belong to which question.
 */
export const interviewSessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('interview_sessions')
      .addColumn('interview_id', 'text', (c) => c.primaryKey())
      .addColumn('company_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('model_failed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('transcript_turns').addColumn('question_index', 'integer').execute();
  },
};

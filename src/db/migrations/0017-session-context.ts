import type { Kysely, Migration } from 'kysely';

/**
 * A live session's pinned context (the agent, the company's and the candidate's names) gets a
 * column of its own, written once at Start: every answer, interviewer turn and `/spoken` rewrote
 * it inside the session's `state` JSON, three times per answer (bench/README.md, "Open rooms").
 * Sessions started before this migration keep their context inside `state`, where it is read.
 */
export const sessionContext: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('interview_sessions').addColumn('context', 'text').execute();
  },
};

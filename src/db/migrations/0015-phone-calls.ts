import type { Kysely, Migration } from 'kysely';

/**
 * Issue 14, phone interviews: an attempt keeps Twilio's CallSid (so a cancellation can hang the
 * call up, and a call the number receives can be matched) and the explicit UTC offset written in
 * the `scheduledAt` it was asked for (the API stores instants in UTC, and the offset is where the
 * candidate is: the calling window is read there). A transcript turn keeps the channel it came
 * through and, for recognised speech, the recogniser's confidence (0..1, as the decimal text
 * Twilio sent: portable types only).
 */
export const phoneCalls: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('call_attempts').addColumn('call_sid', 'text').execute();
    await db.schema.alterTable('call_attempts').addColumn('zone_offset_minutes', 'integer').execute();
    await db.schema.createIndex('call_attempts_call_sid').on('call_attempts').column('call_sid').execute();
    await db.schema.alterTable('transcript_turns').addColumn('channel', 'text').execute();
    await db.schema.alterTable('transcript_turns').addColumn('confidence', 'text').execute();
  },
};

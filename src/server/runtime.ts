import { pino } from 'pino';
import { KeyResolver } from '../auth/key-resolver.ts';
import type { Config } from '../config/config.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { eventSubscribers } from '../events/subscribers.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { chooseBrain } from '../interviews/runtime/session/brain-choice.ts';
import { InterviewSessions } from '../interviews/runtime/session/session.ts';
import { QueueRunner } from '../queue/runner.ts';
import { PhoneInterviews } from '../telephony/phone-interview.ts';
import { telephonyFromConfig } from '../telephony/twilio/twilio-telephony.ts';
import { RateLimiter } from '../rate-limit/rate-limiter.ts';
import { registerTaskHandlers } from './tasks.ts';

/** Opens the database, brings it to the latest schema and wires the app's dependencies. */
export async function createDeps(config: Config, clock: Clock = systemClock, database?: Database): Promise<AppDeps> {
  const db = database ?? openDatabase(config.databaseUrl, { sqliteReaders: config.sqliteReaders });
  await migrateToLatest(db);
  const deps: AppDeps = {
    config,
    database: db,
    clock,
    keys: new KeyResolver(db.db),
    rateLimiter: new RateLimiter(db.db, clock),
    queue: new QueueRunner(db.db, db.kind, clock, console, { shutdownGraceMs: config.shutdownGraceMs }),
    events: eventSubscribers(db.db),
    sessions: new InterviewSessions({ db: db.db, clock, brain: await chooseBrain(config), rules: config.interview, log: pino({ level: config.logLevel }) }),
    telephony: telephonyFromConfig(config),
  };
  deps.phoneConversation = new PhoneInterviews({ db: db.db, sessions: deps.sessions, publicUrl: config.publicUrl });
  registerTaskHandlers(deps);
  return deps;
}

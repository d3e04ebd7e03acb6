import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { KeyResolver } from '../auth/key-resolver.ts';
import type { Config } from '../config/config.ts';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/database.ts';
import type { EventSubscribers } from '../events/subscribers.ts';
import type { InterviewSessions } from '../interviews/runtime/session/session.ts';
import type { QueueRunner } from '../queue/runner.ts';
import type { RateLimiter } from '../rate-limit/rate-limiter.ts';
import type { PhoneConversation } from '../telephony/phone-conversation.ts';
import type { Telephony } from '../telephony/telephony.ts';

/** Everything the HTTP app is built from; tests build it on a fresh database. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  keys: KeyResolver;
  rateLimiter: RateLimiter;
  /** The durable background runner; `serve` starts it. */
  queue: QueueRunner;
  /** Internal subscribers to domain events (their kinds are registered on `queue` too). */
  events: EventSubscribers;
  /** What an answered phone call says (the interview session); unset, an answered call is hung up. */
  phoneConversation?: PhoneConversation;
  /** The phone provider (Twilio when configured, else every dial fails TELEPHONY_NOT_CONFIGURED). */
  telephony: Telephony;
  /** The live interviews (the room's sessions) and the interviewer chosen at boot. */
  sessions: InterviewSessions;
}

export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** A feature's routes: registered once under /v1 (documented) and once without the prefix. */
export type RouteModule = (app: ZodApp, deps: AppDeps) => void;

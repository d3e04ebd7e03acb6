import type { DialectAdapter, Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { enqueue } from '../queue/enqueue.ts';
import type { TaskKindSpec } from '../queue/task-kind.ts';
import { EVENT_TYPES, type EventType } from '../webhooks/events.ts';

/** What a subscriber's task is given: the event's id and what it is about (its state is read from the database). */
export const eventTaskPayload = z.object({
  eventId: z.string(),
  type: z.enum(EVENT_TYPES),
  companyId: z.string(),
  interviewId: z.string(),
});
export type EventTaskPayload = z.infer<typeof eventTaskPayload>;

/**
 * Internal subscribers to domain events: each subscribed kind gets one task per recorded event of
 * its type, enqueued in the event's transaction (so durable, and only if the change committed)
 * under the key `event:<eventId>:<kind>` (so once per event). The task runs at least once; a
 * handler that records its effect and `finishIn` in one transaction runs its effect exactly once.
 *
 * The subscriptions belong to one database handle (an app's), not to the process: tests build
 * many apps in one process. `recordEvent` finds them from its transaction, as the root database and
 * its transactions share one dialect adapter (as `PreparedQuery` keys its statements).
 */
export class EventSubscribers {
  private readonly byType = new Map<EventType, TaskKindSpec<EventTaskPayload>[]>();

  /** Subscribes `kind` to events of `eventType` (at boot; subscribing twice changes nothing). */
  subscribe(eventType: EventType, kind: TaskKindSpec<EventTaskPayload>): void {
    const kinds = this.byType.get(eventType) ?? [];
    if (!kinds.some((k) => k.name === kind.name)) kinds.push(kind);
    this.byType.set(eventType, kinds);
  }

  of(eventType: EventType): readonly TaskKindSpec<EventTaskPayload>[] {
    return this.byType.get(eventType) ?? [];
  }
}

const byDatabase = new WeakMap<DialectAdapter, EventSubscribers>();

/** The subscribers of events recorded on `db` (or on any of its transactions). */
export function eventSubscribers(db: Kysely<DB>): EventSubscribers {
  const adapter = db.getExecutor().adapter;
  let subscribers = byDatabase.get(adapter);
  if (!subscribers) byDatabase.set(adapter, (subscribers = new EventSubscribers()));
  return subscribers;
}

/** Enqueues, in the event's transaction, one task per subscriber of its type. */
export async function enqueueSubscribers(trx: Kysely<DB>, clock: Clock, event: EventTaskPayload): Promise<void> {
  for (const kind of eventSubscribers(trx).of(event.type)) {
    await enqueue(trx, clock, kind, event, { key: `event:${event.eventId}:${kind.name}` });
  }
}

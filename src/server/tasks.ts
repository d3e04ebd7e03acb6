import { gdprSweepKind } from '../candidates/gdpr-sweep.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { idempotencyPurgeKind } from '../idempotency/idempotency.ts';
import { analyseKind, analysisDeps } from '../interviews/analysis/task.ts';
import { testRunKind } from '../interviews/test-run.ts';
import { registerSessionTasks } from '../interviews/runtime/session/session-tasks.ts';
import { ensureRecurring } from '../queue/recurring.ts';
import { dialTaskKind } from '../telephony/place-call.ts';
import { queuePurgeKind } from '../queue/retention.ts';
import { webhookDeliveryKind } from '../webhooks/delivery.ts';
import { deliveryRetentionKind } from '../webhooks/retention.ts';

/** The recurring kinds (one task each per deployment). */
function recurringKinds(deps: AppDeps) {
  const { db } = deps.database;
  return [idempotencyPurgeKind(db, deps.clock), gdprSweepKind(db, deps.clock), deliveryRetentionKind(db, deps.clock), queuePurgeKind(db, deps.clock)];
}

/**
 * Every kind of background work the service does, registered on the one runner; internal
 * subscribers to domain events subscribe here too (`deps.events.subscribe(type, kind)`).
 */
export function registerTaskHandlers(deps: AppDeps): void {
  const { db } = deps.database;
  deps.queue.register(testRunKind(db, deps.clock));
  deps.queue.register(webhookDeliveryKind({ db, clock: deps.clock, allowPrivate: deps.config.webhookAllowPrivateTargets }));
  for (const kind of recurringKinds(deps)) deps.queue.register(kind);
  const analyse = analyseKind(analysisDeps(db, deps.clock, deps.config.llm));
  deps.queue.register(analyse);
  deps.events.subscribe('interview.completed', analyse);
  registerSessionTasks(deps.queue, deps.sessions);
  // Calls are not recorded: the candidate is told only a text transcript is kept (consent line).
  deps.queue.register(dialTaskKind({ db, clock: deps.clock, calls: deps.config.calls, telephony: deps.telephony, recordCalls: false }));
}

/** Recurring work exists once per deployment, whichever process starts first. */
export async function scheduleRecurringTasks(deps: AppDeps): Promise<void> {
  for (const kind of recurringKinds(deps)) await ensureRecurring(deps.database.db, deps.clock, kind);
}

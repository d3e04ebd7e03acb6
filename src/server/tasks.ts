import { eraseExpiredCandidates, GDPR_SWEEP_EVERY_MS, GDPR_SWEEP_TASK } from '../candidates/gdpr-sweep.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { purgeIdempotencyKeys } from '../idempotency/idempotency.ts';
import { registerSessionTasks } from '../interviews/runtime/session/session-tasks.ts';
import { TEST_RUN_TASK, testRunHandler } from '../interviews/test-run.ts';
import { ensureRecurring } from '../queue/recurring.ts';
import { purgeFinishedTasks, QUEUE_PURGE_EVERY_MS, QUEUE_PURGE_TASK } from '../queue/retention.ts';
import { webhookDeliveryHandler } from '../webhooks/delivery.ts';
import { WEBHOOK_DELIVER_TASK } from '../webhooks/outbox.ts';
import { DELIVERY_RETENTION_EVERY_MS, DELIVERY_RETENTION_TASK, purgeOldDeliveries } from '../webhooks/retention.ts';

const IDEMPOTENCY_PURGE_TASK = 'idempotency.purge';

/** Every kind of background work the service does, registered on the one runner. */
export function registerTaskHandlers(deps: AppDeps): void {
  const { db } = deps.database;
  deps.queue.register(IDEMPOTENCY_PURGE_TASK, { repeatEveryMs: 3600_000, run: () => purgeIdempotencyKeys(db, deps.clock) });
  deps.queue.register(TEST_RUN_TASK, testRunHandler(db, deps.clock));
  registerSessionTasks(deps.queue, deps.sessions);
  deps.queue.register(GDPR_SWEEP_TASK, {
    repeatEveryMs: GDPR_SWEEP_EVERY_MS,
    run: async () => {
      await eraseExpiredCandidates(db, deps.clock);
    },
  });
  deps.queue.register(WEBHOOK_DELIVER_TASK, webhookDeliveryHandler({ db, clock: deps.clock, allowPrivate: deps.config.webhookAllowPrivateTargets }));
  deps.queue.register(QUEUE_PURGE_TASK, {
    repeatEveryMs: QUEUE_PURGE_EVERY_MS,
    run: async () => {
      await purgeFinishedTasks(db, deps.clock);
    },
  });
  deps.queue.register(DELIVERY_RETENTION_TASK, {
    repeatEveryMs: DELIVERY_RETENTION_EVERY_MS,
    run: async () => {
      await purgeOldDeliveries(db, deps.clock);
    },
  });
}

/** Recurring work exists once per deployment, whichever process starts first. */
export async function scheduleRecurringTasks(deps: AppDeps): Promise<void> {
  for (const kind of [IDEMPOTENCY_PURGE_TASK, GDPR_SWEEP_TASK, DELIVERY_RETENTION_TASK, QUEUE_PURGE_TASK]) await ensureRecurring(deps.database.db, deps.clock, kind);
}

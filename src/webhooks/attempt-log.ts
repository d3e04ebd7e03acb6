import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type AttemptRecord, recordAttempts } from './repository.ts';

interface Waiting {
  record: AttemptRecord;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the delivery log: attempts that finish together (a batch of deliveries) are
 * written in one transaction instead of one each. `record` resolves once its attempt is committed,
 * so a task is never marked done before its attempt is durable.
 */
export class AttemptLog {
  private waiting: Waiting[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  record(record: AttemptRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      // Let the attempts finishing in this turn of the event loop join; one flush at a time.
      if (!this.flushing) this.flushing = new Promise<void>((done) => setImmediate(() => void this.flush().finally(done)));
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      // At most one attempt per delivery in a statement (a second waits for the next flush).
      const seen = new Set<string>();
      const batch: Waiting[] = [];
      const later: Waiting[] = [];
      for (const w of this.waiting) {
        if (seen.has(w.record.deliveryId)) later.push(w);
        else {
          seen.add(w.record.deliveryId);
          batch.push(w);
        }
      }
      this.waiting = later;
      try {
        await this.db.transaction().execute((trx) => recordAttempts(trx, batch.map((w) => w.record)));
        for (const w of batch) w.resolve();
      } catch {
        // One bad write must not fail the others: write them one by one.
        for (const w of batch) {
          try {
            await this.db.transaction().execute((trx) => recordAttempts(trx, [w.record]));
            w.resolve();
          } catch (error) {
            w.reject(error);
          }
        }
      }
    }
    this.flushing = null;
  }
}

import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { addressGroup } from '../auth/failed-auth-throttle.ts';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';

const WINDOW_MS = 60_000;

/** A counted attempt: what to forgive if it succeeds, and how long to wait if it was past a limit. */
export interface CountedAttempt {
  waitSeconds: number;
  counted: { keyHash: string; windowStartedAt: string }[];
}

/**
 * §15 sign-in limits: failures per account (the email as typed, lower-cased, whether or not it
 * exists) and per client address (IPv6 per /64), each in a one-minute window from its first
 * failure, counted in the database so every process of a deployment shares them. An attempt is
 * counted before its password is checked — one atomic upsert per key, so concurrent guesses
 * cannot slip in together — and forgiven when it succeeds.
 */
export class SignInLimits {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly perMinute: { account: number; address: number },
  ) {}

  async count(email: string, address: string): Promise<CountedAttempt> {
    const now = this.clock.now().getTime();
    const at = new Date(now).toISOString();
    const ended = new Date(now - WINDOW_MS).toISOString();
    await this.db.deleteFrom('signInFailures').where('windowStartedAt', '<=', ended).execute();
    let waitSeconds = 0;
    const counted: CountedAttempt['counted'] = [];
    for (const [key, limit] of [[`account:${email}`, this.perMinute.account], [`address:${addressGroup(address)}`, this.perMinute.address]] as const) {
      const keyHash = createHash('sha256').update(key).digest('hex');
      const row = await this.db
        .insertInto('signInFailures')
        .values({ keyHash, windowStartedAt: at, failures: 1 })
        .onConflict((conflict) =>
          conflict.column('keyHash').doUpdateSet({
            // Both read the row as it was: a window that has ended starts again at this attempt.
            failures: sql<number>`case when sign_in_failures.window_started_at <= ${ended} then 1 else sign_in_failures.failures + 1 end`,
            windowStartedAt: sql<string>`case when sign_in_failures.window_started_at <= ${ended} then excluded.window_started_at else sign_in_failures.window_started_at end`,
          }),
        )
        .returning(['failures', 'windowStartedAt'])
        .executeTakeFirstOrThrow();
      counted.push({ keyHash, windowStartedAt: row.windowStartedAt });
      if (Number(row.failures) > limit) waitSeconds = Math.max(waitSeconds, Math.max(1, Math.ceil((Date.parse(row.windowStartedAt) + WINDOW_MS - now) / 1000)));
    }
    return { waitSeconds, counted };
  }

  /** Takes back an attempt counted in advance that succeeded (in the window it was counted in). */
  async forgive(attempt: CountedAttempt): Promise<void> {
    for (const { keyHash, windowStartedAt } of attempt.counted) {
      await this.db
        .updateTable('signInFailures')
        .set({ failures: sql<number>`failures - 1` })
        .where('keyHash', '=', keyHash)
        .where('windowStartedAt', '=', windowStartedAt)
        .where('failures', '>', 0)
        .execute();
    }
  }
}

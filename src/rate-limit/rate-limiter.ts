import { type Kysely, sql } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';

export interface Limits {
  minute: number;
  hour: number;
}

export interface RateDecision {
  allowed: boolean;
  limits: Limits;
  remaining: Limits;
  /** Unix seconds at which each window resets. */
  reset: Limits;
  /** Seconds until a refused request may succeed. */
  retryAfter: number;
  window: 'minute' | 'hour';
}

interface Grant {
  minuteStart: number;
  hourStart: number;
  /** Requests reserved in the database but not yet used by this process. */
  tokens: number;
  /** The shared counters right after this process's last reservation. */
  minuteUsed: number;
  hourUsed: number;
}

// Reserve at most this share of what is left, so that a nearly spent key is counted one request
// at a time (exact) while a key far from its limit rarely touches the database.
const RESERVE_DIVISOR = 32;
const MAX_RESERVATION = 500;

/**
 * Fixed, clock-aligned minute and hour windows per key, shared by every process through one row
 * per key (`rate_limit_counters`). A process reserves requests with one atomic conditional UPDATE
 * and spends them locally; see README "Rate limits" for why this never admits more than the limit.
 */
export class RateLimiter {
  private readonly grants = new Map<string, Grant>();
  private readonly knownRows = new Set<string>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  /** Synchronous while this process holds reserved tokens (most requests): no promise, no query. */
  consume(keyId: string, limits: Limits): RateDecision | Promise<RateDecision> {
    const nowMs = this.clock.now().getTime();
    const minuteStart = Math.floor(nowMs / 60_000) * 60;
    const hourStart = Math.floor(nowMs / 3_600_000) * 3600;
    const reset = { minute: minuteStart + 60, hour: hourStart + 3600 };
    return this.take(keyId, limits, minuteStart, hourStart, reset) ?? this.consumeReserving(keyId, limits, nowMs, minuteStart, hourStart, reset);
  }

  /** Spends a local token of this window; synchronous, so concurrent requests never share one. */
  private take(keyId: string, limits: Limits, minuteStart: number, hourStart: number, reset: Limits): RateDecision | null {
    const grant = this.grantFor(keyId, minuteStart, hourStart);
    if (grant.tokens <= 0) return null;
    grant.tokens -= 1;
    return this.allowed(grant, limits, reset);
  }

  private async consumeReserving(
    keyId: string,
    limits: Limits,
    nowMs: number,
    minuteStart: number,
    hourStart: number,
    reset: Limits,
  ): Promise<RateDecision> {
    const known = this.grantFor(keyId, minuteStart, hourStart);
    const wanted = Math.max(
      1,
      Math.min(MAX_RESERVATION, Math.floor((limits.minute - known.minuteUsed) / RESERVE_DIVISOR), Math.floor((limits.hour - known.hourUsed) / RESERVE_DIVISOR)),
    );
    let reserved = await this.reserve(keyId, wanted, minuteStart, hourStart, limits);
    if (!reserved && wanted > 1) reserved = await this.reserve(keyId, 1, minuteStart, hourStart, limits);
    if (reserved) {
      // Added to (never replacing) the grant: concurrent reservations of this process all count.
      const grant = this.grantFor(keyId, minuteStart, hourStart);
      grant.tokens += reserved.count - 1;
      grant.minuteUsed = Math.max(grant.minuteUsed, reserved.minuteUsed);
      grant.hourUsed = Math.max(grant.hourUsed, reserved.hourUsed);
      return this.allowed(grant, limits, reset);
    }
    // A concurrent reservation of this process may have brought tokens meanwhile.
    return this.take(keyId, limits, minuteStart, hourStart, reset) ?? this.refused(keyId, limits, reset, minuteStart, hourStart, nowMs);
  }

  /** This process's grant for the key in the given windows (a new, empty one when they moved on). */
  private grantFor(keyId: string, minuteStart: number, hourStart: number): Grant {
    let grant = this.grants.get(keyId);
    if (!grant || grant.minuteStart !== minuteStart || grant.hourStart !== hourStart) {
      if (grant && grant.minuteStart > minuteStart) return { minuteStart, hourStart, tokens: 0, minuteUsed: 0, hourUsed: 0 };
      grant = { minuteStart, hourStart, tokens: 0, minuteUsed: 0, hourUsed: 0 };
      this.grants.set(keyId, grant);
    }
    return grant;
  }

  private allowed(grant: Grant, limits: Limits, reset: Limits): RateDecision {
    return {
      allowed: true,
      limits,
      remaining: {
        minute: Math.max(0, limits.minute - (grant.minuteUsed - grant.tokens)),
        hour: Math.max(0, limits.hour - (grant.hourUsed - grant.tokens)),
      },
      reset,
      retryAfter: 0,
      window: 'minute',
    };
  }

  private async reserve(keyId: string, count: number, minuteStart: number, hourStart: number, limits: Limits) {
    if (!this.knownRows.has(keyId)) {
      await this.db
        .insertInto('rateLimitCounters')
        .values({ apiKeyId: keyId, minuteStart, hourStart, minuteUsed: 0, hourUsed: 0 })
        .onConflict((oc) => oc.column('apiKeyId').doNothing())
        .execute();
      this.knownRows.add(keyId);
    }
    // A row already in a later window (a process whose clock is ahead, or a request that was
    // overtaken) is counted in that window: the counters never move back to an earlier one.
    const minuteUsed = sql<number>`case when minute_start >= ${minuteStart} then minute_used else 0 end`;
    const hourUsed = sql<number>`case when hour_start >= ${hourStart} then hour_used else 0 end`;
    // One statement decides and counts; on PostgreSQL the row lock makes concurrent processes
    // re-check the condition against the latest row, so the sum never passes the limit.
    const row = await sql<{ minuteUsed: number; hourUsed: number }>`
      update rate_limit_counters set
        minute_used = ${minuteUsed} + ${count},
        minute_start = case when minute_start > ${minuteStart} then minute_start else ${minuteStart} end,
        hour_used = ${hourUsed} + ${count},
        hour_start = case when hour_start > ${hourStart} then hour_start else ${hourStart} end
      where api_key_id = ${keyId}
        and ${minuteUsed} + ${count} <= ${limits.minute}
        and ${hourUsed} + ${count} <= ${limits.hour}
      returning minute_used, hour_used`
      .execute(this.db)
      .then((r) => r.rows[0]);
    return row ? { count, minuteUsed: Number(row.minuteUsed), hourUsed: Number(row.hourUsed) } : null;
  }

  private async refused(
    keyId: string,
    limits: Limits,
    reset: Limits,
    minuteStart: number,
    hourStart: number,
    nowMs: number,
  ): Promise<RateDecision> {
    const row = await this.db.selectFrom('rateLimitCounters').selectAll().where('apiKeyId', '=', keyId).executeTakeFirst();
    const minuteUsed = row && Number(row.minuteStart) >= minuteStart ? Number(row.minuteUsed) : 0;
    const hourUsed = row && Number(row.hourStart) >= hourStart ? Number(row.hourUsed) : 0;
    const grant = this.grantFor(keyId, minuteStart, hourStart);
    grant.minuteUsed = Math.max(grant.minuteUsed, minuteUsed);
    grant.hourUsed = Math.max(grant.hourUsed, hourUsed);
    const late = this.take(keyId, limits, minuteStart, hourStart, reset);
    if (late) return late;
    const window = hourUsed + 1 > limits.hour ? 'hour' : 'minute';
    const nowSeconds = nowMs / 1000;
    return {
      allowed: false,
      limits,
      remaining: { minute: Math.max(0, limits.minute - minuteUsed), hour: Math.max(0, limits.hour - hourUsed) },
      reset,
      retryAfter: Math.max(1, Math.ceil(reset[window] - nowSeconds)),
      window,
    };
  }
}

import type { BlockList } from 'node:net';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type ApiKey, findApiKeyByHash, managedCompanyIds, parseAllowedIps } from './api-keys.ts';
import { hashKey } from './key-format.ts';

export interface ResolvedKey {
  apiKey: ApiKey;
  allowList: BlockList | null;
  /** Companies an ATS key manages; the key's own company for a COMPANY key. */
  companyIds: ReadonlySet<string>;
  /** The owning company's own rate limits (COMPANY keys). */
  companyLimits: { minute: number | null; hour: number | null };
}

/** Looks a key hash up in the database: its record, or null when no key has that hash. */
export type KeyLoader = (hash: string) => Promise<ResolvedKey | null>;

export interface KeyCacheOptions {
  /** How long a lookup's answer is used without asking the database again (§3.1: under 1 s). */
  ttlMs?: number;
  /** How many existing keys are remembered. */
  maxKnown?: number;
  /** How many hashes that match no key are remembered. */
  maxUnknown?: number;
  /** The database lookup (tests count calls through it). */
  load?: KeyLoader;
}

/** The answer for a key this process has never found, when the caller did not allow a lookup. */
export const UNSEEN = Symbol('unseen key');

/**
 * Resolves a presented key to its record with one indexed lookup, cached in memory for less than
 * a second so that a revocation, suspension or expiry reaches every process within 1 s (§3.1).
 *
 * Existing keys (revoked, suspended and expired ones too: their state can change) and hashes that
 * match no key are cached apart, each bounded by dropping its oldest entry, so that a flood of
 * random keys can neither push a valid key out nor grow memory without bound. An existing key
 * stays remembered after its answer goes stale: it is then looked up again even for a caller
 * that may not look up keys it has never seen (a throttled address, see `authenticate.ts`).
 */
export class KeyResolver {
  private readonly known = new Map<string, { value: ResolvedKey; freshUntil: number }>();
  private readonly unknown = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxKnown: number;
  private readonly maxUnknown: number;
  private readonly load: KeyLoader;

  constructor(db: Kysely<DB>, options: KeyCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 500;
    this.maxKnown = options.maxKnown ?? 10_000;
    this.maxUnknown = options.maxUnknown ?? 10_000;
    this.load = options.load ?? ((hash) => loadResolvedKey(db, hash));
  }

  /**
   * Synchronous on a fresh cache entry (most requests), so the request path pays no promise for
   * it. A key this process has never found is looked up only if `mayLookUpUnseen()` says so;
   * otherwise the answer is UNSEEN.
   */
  resolve(plaintext: string, mayLookUpUnseen: () => boolean = () => true): ResolvedKey | null | typeof UNSEEN | Promise<ResolvedKey | null> {
    const hash = hashKey(plaintext);
    const now = Date.now();
    const known = this.known.get(hash);
    if (known && known.freshUntil > now) return known.value;
    if (!known) {
      if ((this.unknown.get(hash) ?? 0) > now) return null;
      if (!mayLookUpUnseen()) return UNSEEN;
    }
    return this.load(hash).then((value) => {
      this.remember(hash, value, now + this.ttlMs);
      return value;
    });
  }

  /** Drops cached entries so this process sees a change it made itself at once. */
  forget(keyId?: string): void {
    if (!keyId) {
      this.known.clear();
      this.unknown.clear();
      return;
    }
    for (const [hash, entry] of this.known) if (entry.value.apiKey.id === keyId) this.known.delete(hash);
  }

  /** How many entries each cache holds (they stay within their bounds). */
  sizes(): { known: number; unknown: number } {
    return { known: this.known.size, unknown: this.unknown.size };
  }

  private remember(hash: string, value: ResolvedKey | null, freshUntil: number): void {
    // Delete first, so the Map's order is the order of the latest lookups: the oldest goes first.
    this.known.delete(hash);
    this.unknown.delete(hash);
    if (value) setBounded(this.known, hash, { value, freshUntil }, this.maxKnown);
    else setBounded(this.unknown, hash, freshUntil, this.maxUnknown);
  }
}

function setBounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

/** The database lookup behind `KeyResolver`: the key's record, its companies and its company's limits. */
export async function loadResolvedKey(db: Kysely<DB>, hash: string): Promise<ResolvedKey | null> {
  const apiKey = await findApiKeyByHash(db, hash);
  if (!apiKey) return null;
  let companyIds: string[] = [];
  let companyLimits: ResolvedKey['companyLimits'] = { minute: null, hour: null };
  if (apiKey.kind === 'ATS') companyIds = await managedCompanyIds(db, apiKey.id);
  else if (apiKey.companyId) {
    companyIds = [apiKey.companyId];
    const company = await db.selectFrom('companies').select(['rateLimitMinute', 'rateLimitHour']).where('id', '=', apiKey.companyId).executeTakeFirst();
    companyLimits = { minute: company?.rateLimitMinute ?? null, hour: company?.rateLimitHour ?? null };
  }
  return {
    apiKey,
    allowList: apiKey.allowedIps && apiKey.allowedIps.length > 0 ? parseAllowedIps(apiKey.allowedIps) : null,
    companyIds: new Set(companyIds),
    companyLimits,
  };
}

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

interface Entry {
  value: ResolvedKey | null;
  expiresAt: number;
}

/**
 * Resolves a presented key to its record with one indexed lookup, cached in memory for less than
 * a second so that a revocation, suspension or expiry reaches every process within 1 s (§3.1).
 */
export class KeyResolver {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly ttlMs = 500,
    private readonly maxEntries = 10_000,
  ) {}

  /** Synchronous on a cache hit (most requests), so the request path pays no promise for it. */
  resolve(plaintext: string): ResolvedKey | null | Promise<ResolvedKey | null> {
    const hash = hashKey(plaintext);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.expiresAt > now) return hit.value;
    return this.load(hash).then((value) => {
      if (this.cache.size >= this.maxEntries) this.cache.clear();
      this.cache.set(hash, { value, expiresAt: now + this.ttlMs });
      return value;
    });
  }

  /** Drops cached entries so this process sees a change it made itself at once. */
  forget(keyId?: string): void {
    if (!keyId) return this.cache.clear();
    for (const [hash, entry] of this.cache) if (entry.value?.apiKey.id === keyId) this.cache.delete(hash);
  }

  private async load(hash: string): Promise<ResolvedKey | null> {
    const apiKey = await findApiKeyByHash(this.db, hash);
    if (!apiKey) return null;
    let companyIds: string[] = [];
    let companyLimits: ResolvedKey['companyLimits'] = { minute: null, hour: null };
    if (apiKey.kind === 'ATS') companyIds = await managedCompanyIds(this.db, apiKey.id);
    else if (apiKey.companyId) {
      companyIds = [apiKey.companyId];
      const company = await this.db
        .selectFrom('companies')
        .select(['rateLimitMinute', 'rateLimitHour'])
        .where('id', '=', apiKey.companyId)
        .executeTakeFirst();
      companyLimits = { minute: company?.rateLimitMinute ?? null, hour: company?.rateLimitHour ?? null };
    }
    return {
      apiKey,
      allowList: apiKey.allowedIps && apiKey.allowedIps.length > 0 ? parseAllowedIps(apiKey.allowedIps) : null,
      companyIds: new Set(companyIds),
      companyLimits,
    };
  }
}

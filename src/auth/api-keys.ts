import { BlockList, isIP } from 'node:net';
import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { ApiKeysTable, DB } from '../db/schema.ts';
import { generateKey, hashKey, isTestKey, keyPrefix } from './key-format.ts';
import { SCOPES, type Scope } from './scopes.ts';

export type KeyKind = 'COMPANY' | 'ATS';

/** An API key as the rest of the service sees it (never its plaintext or hash). */
export interface ApiKey {
  id: string;
  name: string;
  kind: KeyKind;
  companyId: string | null;
  keyPrefix: string;
  scopes: Scope[];
  isTest: boolean;
  expiresAt: string | null;
  allowedIps: string[] | null;
  rateLimitMinute: number | null;
  rateLimitHour: number | null;
  revokedAt: string | null;
  suspendedAt: string | null;
  suspendReason: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface NewApiKey {
  name: string;
  kind: KeyKind;
  companyId?: string | null;
  scopes?: Scope[];
  test?: boolean;
  expiresAt?: string | null;
  allowedIps?: string[] | null;
  rateLimitMinute?: number | null;
  rateLimitHour?: number | null;
  /** Use this plaintext instead of a random one (bootstrap automation). */
  plaintext?: string;
}

export function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    companyId: row.companyId,
    keyPrefix: row.keyPrefix,
    scopes: JSON.parse(row.scopes) as Scope[],
    isTest: row.isTest === 1,
    expiresAt: row.expiresAt,
    allowedIps: row.allowedIps ? (JSON.parse(row.allowedIps) as string[]) : null,
    rateLimitMinute: row.rateLimitMinute,
    rateLimitHour: row.rateLimitHour,
    revokedAt: row.revokedAt,
    suspendedAt: row.suspendedAt,
    suspendReason: row.suspendReason,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
  };
}

/** Throws a readable Error when an allowed-IP entry is neither an IP nor a CIDR. */
export function parseAllowedIps(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '');
    if (!address || family === 0) throw new Error(`"${entry}" is not an IP address or CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new Error(`"${entry}" has an invalid prefix length`);
      list.addSubnet(address, prefix, type);
    }
  }
  return list;
}

export function ipAllowed(list: BlockList, ip: string): boolean {
  if (isIP(ip) === 4) return list.check(ip, 'ipv4');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1] && list.check(mapped[1], 'ipv4')) return true;
  return list.check(ip, 'ipv6');
}

export async function createApiKey(db: Kysely<DB>, clock: Clock, input: NewApiKey): Promise<{ apiKey: ApiKey; plaintext: string }> {
  if (input.kind === 'COMPANY' && !input.companyId) throw new Error('a COMPANY key needs a company');
  if (input.kind === 'ATS' && input.companyId) throw new Error('an ATS key belongs to no single company');
  if (input.allowedIps) parseAllowedIps(input.allowedIps);
  const plaintext = input.plaintext ?? generateKey(input.test ?? false);
  const row = {
    id: newId(),
    name: input.name,
    kind: input.kind,
    companyId: input.companyId ?? null,
    keyHash: hashKey(plaintext),
    keyPrefix: keyPrefix(plaintext),
    scopes: JSON.stringify(input.scopes && input.scopes.length > 0 ? input.scopes : SCOPES),
    isTest: isTestKey(plaintext) ? 1 : 0,
    expiresAt: input.expiresAt ?? null,
    allowedIps: input.allowedIps ? JSON.stringify(input.allowedIps) : null,
    rateLimitMinute: input.rateLimitMinute ?? null,
    rateLimitHour: input.rateLimitHour ?? null,
    revokedAt: null,
    suspendedAt: null,
    suspendReason: null,
    lastUsedAt: null,
    createdAt: clock.now().toISOString(),
  };
  await db.insertInto('apiKeys').values(row).execute();
  return { apiKey: toApiKey(row), plaintext };
}

export async function findApiKeyByHash(db: Kysely<DB>, keyHash: string): Promise<ApiKey | null> {
  const row = await db.selectFrom('apiKeys').selectAll().where('keyHash', '=', keyHash).executeTakeFirst();
  return row ? toApiKey(row) : null;
}

export async function listApiKeys(db: Kysely<DB>, companyId?: string): Promise<ApiKey[]> {
  let query = db.selectFrom('apiKeys').selectAll().orderBy('createdAt').orderBy('id');
  if (companyId) query = query.where('companyId', '=', companyId);
  return (await query.execute()).map(toApiKey);
}

async function updateKey(db: Kysely<DB>, keyId: string, changes: Partial<Selectable<ApiKeysTable>>): Promise<ApiKey | null> {
  await db.updateTable('apiKeys').set(changes).where('id', '=', keyId).execute();
  const row = await db.selectFrom('apiKeys').selectAll().where('id', '=', keyId).executeTakeFirst();
  return row ? toApiKey(row) : null;
}

export function revokeApiKey(db: Kysely<DB>, clock: Clock, keyId: string): Promise<ApiKey | null> {
  return updateKey(db, keyId, { revokedAt: clock.now().toISOString() });
}

export function suspendApiKey(db: Kysely<DB>, clock: Clock, keyId: string, reason: string): Promise<ApiKey | null> {
  return updateKey(db, keyId, { suspendedAt: clock.now().toISOString(), suspendReason: reason });
}

/** Moves `lastUsedAt` forward only: processes touch a key independently and may arrive out of order. */
export function touchApiKey(db: Kysely<DB>, keyId: string, at: string): Promise<unknown> {
  return db
    .updateTable('apiKeys')
    .set({ lastUsedAt: at })
    .where('id', '=', keyId)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', at)]))
    .execute();
}

/** Lets an ATS key manage a company (it manages the companies it creates automatically). */
export async function grantCompany(db: Kysely<DB>, clock: Clock, atsKeyId: string, companyId: string): Promise<void> {
  await db
    .insertInto('apiKeyCompanies')
    .values({ apiKeyId: atsKeyId, companyId, createdAt: clock.now().toISOString() })
    .onConflict((oc) => oc.columns(['apiKeyId', 'companyId']).doNothing())
    .execute();
}

export async function managedCompanyIds(db: Kysely<DB>, atsKeyId: string): Promise<string[]> {
  const rows = await db.selectFrom('apiKeyCompanies').select('companyId').where('apiKeyId', '=', atsKeyId).execute();
  return rows.map((r) => r.companyId);
}

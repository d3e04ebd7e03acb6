import type { Kysely, Selectable } from 'kysely';
import { forUpdate } from '../db/locks.ts';
import { fetchPage } from '../db/paging.ts';
import type { DB, UserInvitationsTable, UserSessionsTable, UsersTable } from '../db/schema.ts';
import type { TenantScope, TxScope } from '../db/tenant-scope.ts';
import type { User, UserListQuery } from './schema.ts';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<UserSessionsTable>;
export type InvitationRow = Selectable<UserInvitationsTable>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    companyId: row.companyId,
    email: row.email,
    role: row.role,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  };
}

function live(scope: TenantScope) {
  return scope.selectFrom('users').where('deletedAt', 'is', null);
}

export function findUser(scope: TenantScope, id: string): Promise<UserRow | undefined> {
  return live(scope).selectAll().where('id', '=', id).executeTakeFirst();
}

/** A live user, locked until the transaction ends (PATCH, delete, accepting an invitation). */
export function findUserForUpdate(scope: TxScope, id: string): Promise<UserRow | undefined> {
  return forUpdate(scope.db, live(scope).selectAll().where('id', '=', id)).executeTakeFirst();
}

export function listUserRows(scope: TenantScope, query: UserListQuery) {
  return fetchPage(scope.db, live(scope), { ...query, sort: 'createdAt' }, (qb) => qb.selectAll());
}

export async function insertUser(scope: TxScope, row: Omit<UserRow, 'companyId'>): Promise<void> {
  await scope.insertInto('users', row).execute();
}

export async function updateUserRow(scope: TxScope, id: string, changes: Partial<UserRow>): Promise<void> {
  await scope.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Sign-in names the account by email alone: the one lookup across companies. */
export function findLiveUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).where('deletedAt', 'is', null).executeTakeFirst();
}

/** The operator's CLI names a user by id alone. */
export function findLiveUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
}

/** The operator's listing (CLI): every live user, or one company's. */
export async function listAllUsers(db: Kysely<DB>, companyId?: string): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().where('deletedAt', 'is', null).orderBy('createdAt').orderBy('id');
  if (companyId) query = query.where('companyId', '=', companyId);
  return query.execute();
}

export async function insertSession(scope: TxScope, row: Omit<SessionRow, 'companyId'>): Promise<void> {
  await scope.insertInto('userSessions', row).execute();
}

/** A session with its user and the company's own rate limits, whatever their state. */
export function findSessionWithUser(db: Kysely<DB>, idHash: string) {
  return db
    .selectFrom('userSessions')
    .innerJoin('users', 'users.id', 'userSessions.userId')
    .innerJoin('companies', 'companies.id', 'userSessions.companyId')
    .selectAll('users')
    .select(['userSessions.idHash', 'userSessions.createdAt as sessionCreatedAt', 'userSessions.lastSeenAt', 'companies.rateLimitMinute', 'companies.rateLimitHour'])
    .where('userSessions.idHash', '=', idHash)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('userSessions').where('idHash', '=', idHash).execute();
}

export async function deleteUserSessions(scope: TxScope, userId: string): Promise<void> {
  await scope.deleteFrom('userSessions').where('userId', '=', userId).execute();
}

/** Moves `lastSeenAt` forward only (requests of one session may finish out of order). */
export async function touchSession(db: Kysely<DB>, idHash: string, at: string): Promise<void> {
  await db.updateTable('userSessions').set({ lastSeenAt: at }).where('idHash', '=', idHash).where('lastSeenAt', '<', at).execute();
}

export async function insertInvitation(scope: TxScope, row: Omit<InvitationRow, 'companyId'>): Promise<void> {
  await scope.insertInto('userInvitations', row).execute();
}

export async function deleteUserInvitations(scope: TxScope, userId: string): Promise<void> {
  await scope.deleteFrom('userInvitations').where('userId', '=', userId).execute();
}

export function findInvitation(db: Kysely<DB>, tokenHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('userInvitations').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** The invitation, locked: two tabs accepting one link must not both succeed. */
export function findInvitationForUpdate(scope: TxScope, tokenHash: string): Promise<InvitationRow | undefined> {
  return forUpdate(scope.db, scope.selectFrom('userInvitations').selectAll().where('tokenHash', '=', tokenHash)).executeTakeFirst();
}

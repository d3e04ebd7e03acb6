import type { CompanyContext } from '../auth/actor.ts';
import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { isUniqueViolation } from '../db/constraint-errors.ts';
import { companyTransaction } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { type Page, toPage } from '../http/pagination.ts';
import { hashPassword } from './password.ts';
import { deleteUserInvitations, deleteUserSessions, findUser, findUserForUpdate, insertUser, listUserRows, toUser, updateUserRow, type UserRow } from './repository.ts';
import type { CreateUserInput, UpdateUserInput, User, UserListQuery } from './schema.ts';
import { invitationUrl, issueInvitation } from './sessions.ts';

export interface NewUser {
  user: User;
  /** The one-time set-password link (24 h); null when the password was given. */
  invitationUrl: string | null;
  invitationExpiresAt: string | null;
}

/**
 * Creates a console user: with a password (the operator's CLI, --password-stdin), or with a
 * one-time link where they set one (an admin's invitation, or the CLI without a password).
 */
export async function createUser(clock: Clock, ctx: CompanyContext, input: CreateUserInput, options: { publicUrl: string; password?: string }): Promise<NewUser> {
  // Hashed before the transaction: it takes tens of milliseconds of CPU.
  const passwordHash = options.password === undefined ? null : await hashPassword(options.password);
  try {
    return await companyTransaction(clock, ctx, async (scope, time) => {
      const row: Omit<UserRow, 'companyId'> = {
        id: newId(),
        email: input.email,
        role: input.role,
        passwordHash,
        disabledAt: null,
        lastSignInAt: null,
        createdAt: time.at,
        updatedAt: time.at,
        deletedAt: null,
      };
      await insertUser(scope, row);
      const user = toUser({ ...row, companyId: scope.companyId });
      if (passwordHash) return { user, invitationUrl: null, invitationExpiresAt: null };
      const invitation = await issueInvitation(scope, time, row.id);
      return { user, invitationUrl: invitationUrl(options.publicUrl, invitation.token), invitationExpiresAt: invitation.expiresAt };
    });
  } catch (error) {
    // Sign-in names the account by email alone, so an address is one user in the whole deployment.
    if (isUniqueViolation(error)) throw errors.conflict(`A console user with the email ${input.email} already exists.`, { field: 'email' });
    throw error;
  }
}

export async function listUsers(ctx: CompanyContext, query: UserListQuery): Promise<Page<User>> {
  const { rows, total } = await listUserRows(ctx.scope, query);
  return toPage(rows.map(toUser), total, query);
}

export async function getUser(ctx: CompanyContext, id: string): Promise<User> {
  const row = await findUser(ctx.scope, id);
  if (!row) throw errors.notFound('user', id);
  return toUser(row);
}

/** `actingUserId`: the signed-in admin making the change, who may not lock themselves out. */
export async function updateUser(clock: Clock, ctx: CompanyContext, id: string, patch: UpdateUserInput, actingUserId: string | null): Promise<User> {
  return companyTransaction(clock, ctx, async (scope, time) => {
    const row = await findUserForUpdate(scope, id);
    if (!row) throw errors.notFound('user', id);
    if (id === actingUserId && (patch.disabled === true || (patch.role !== undefined && patch.role !== row.role))) {
      throw errors.conflict('You cannot disable yourself or change your own role; ask another admin.', { field: patch.disabled === true ? 'disabled' : 'role' });
    }
    const changes: Partial<UserRow> = {};
    if (patch.role !== undefined && patch.role !== row.role) changes.role = patch.role;
    if (patch.disabled === true && !row.disabledAt) changes.disabledAt = time.at;
    if (patch.disabled === false && row.disabledAt) changes.disabledAt = null;
    // A role change needs no new sign-in: every request reads the role afresh. Disabling ends the sessions.
    if (patch.revokeSessions || changes.disabledAt) await deleteUserSessions(scope, id);
    if (changes.disabledAt) await deleteUserInvitations(scope, id);
    if (Object.keys(changes).length === 0) return toUser(row);
    changes.updatedAt = time.at;
    await updateUserRow(scope, id, changes);
    return toUser({ ...row, ...changes });
  });
}

/** Deletes the user (soft: the row stays for the record), their sessions and links. */
export async function deleteUser(clock: Clock, ctx: CompanyContext, id: string, actingUserId: string | null): Promise<void> {
  await companyTransaction(clock, ctx, async (scope, time) => {
    const row = await findUserForUpdate(scope, id);
    if (!row) throw errors.notFound('user', id);
    if (id === actingUserId) throw errors.conflict('You cannot delete yourself; ask another admin.');
    await deleteUserSessions(scope, id);
    await deleteUserInvitations(scope, id);
    await updateUserRow(scope, id, { deletedAt: time.at, updatedAt: time.at });
  });
}

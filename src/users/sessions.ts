import type { Kysely } from 'kysely';
import { csrfTokenFor, INVITATION_TTL_MS, newSecretToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, tokenHash } from '../auth/console-session.ts';
import type { Clock } from '../core/clock.ts';
import type { DB } from '../db/schema.ts';
import { TenantScope, type TxScope } from '../db/tenant-scope.ts';
import { companyTransaction, type TransactionClock } from '../db/transaction.ts';
import { errors } from '../errors/catalogue.ts';
import { hashPassword, verifyDecoy, verifyPassword } from './password.ts';
import {
  deleteSession,
  deleteUserInvitations,
  deleteUserSessions,
  findInvitation,
  findInvitationForUpdate,
  findLiveUserByEmail,
  findSessionWithUser,
  findUserForUpdate,
  insertInvitation,
  insertSession,
  toUser,
  touchSession,
  updateUserRow,
  type UserRow,
} from './repository.ts';
import type { User } from './schema.ts';
import type { SignInLimits } from './sign-in-limits.ts';

/** A live session as a request sees it. */
export interface LiveSession {
  token: string;
  idHash: string;
  csrfToken: string;
  user: UserRow;
  companyLimits: { minute: number | null; hour: number | null };
}

/** What signing in (or accepting an invitation) hands the browser: the cookie's value, and the page's state. */
export interface StartedSession {
  token: string;
  user: User;
  csrfToken: string;
}

const TOUCH_INTERVAL_MS = 60_000;
const WRONG = 'The email or password is wrong.';

/** Starts a session for the user inside the transaction that admits them. */
async function startSession(scope: TxScope, time: TransactionClock, user: UserRow): Promise<StartedSession> {
  const token = newSecretToken();
  await insertSession(scope, { idHash: tokenHash(token), userId: user.id, createdAt: time.at, lastSeenAt: time.at });
  await updateUserRow(scope, user.id, { lastSignInAt: time.at });
  return { token, user: toUser({ ...user, lastSignInAt: time.at }), csrfToken: csrfTokenFor(token) };
}

/**
 * §15 sign-in. Failures are counted per account and per client address, in the database
 * (`SignInLimits`): counted before the password is checked and forgiven when it succeeds. Past a
 * limit every attempt is refused, the right password too, until the window ends. An unknown
 * email is limited like a known one, so the answer reveals nothing.
 */
export async function signIn(db: Kysely<DB>, clock: Clock, limits: SignInLimits, input: { email: string; password: string }, address: string): Promise<StartedSession> {
  const email = input.email.trim().toLowerCase();
  const attempt = await limits.count(email, address);
  if (attempt.waitSeconds > 0) throw errors.signInLimited(attempt.waitSeconds);

  const user = await findLiveUserByEmail(db, email);
  const ok = user?.passwordHash && !user.disabledAt ? await verifyPassword(input.password, user.passwordHash) : await verifyDecoy(input.password);
  if (!ok || !user) throw errors.unauthorized(WRONG);

  const started = await companyTransaction(clock, { scope: new TenantScope(db, user.companyId) }, async (scope, time) => {
    // The user may have been disabled or deleted while the password was being checked.
    const current = await findUserForUpdate(scope, user.id);
    if (!current || current.disabledAt || current.passwordHash !== user.passwordHash) return null;
    return startSession(scope, time, current);
  });
  if (!started) throw errors.unauthorized(WRONG);
  await limits.forgive(attempt);
  return started;
}

/**
 * The live session the cookie names, or null: unknown, signed out, idle past 12 h, older than
 * 7 days, or its user disabled or deleted. A dead session's row is deleted on the way.
 */
export async function resolveSession(db: Kysely<DB>, clock: Clock, token: string): Promise<LiveSession | null> {
  const idHash = tokenHash(token);
  const row = await findSessionWithUser(db, idHash);
  if (!row) return null;
  const now = clock.now().getTime();
  const { sessionCreatedAt, lastSeenAt, rateLimitMinute, rateLimitHour, idHash: _hash, ...user } = row;
  const expired = Date.parse(sessionCreatedAt) + SESSION_ABSOLUTE_MS <= now || Date.parse(lastSeenAt) + SESSION_IDLE_MS <= now;
  if (expired || user.deletedAt || user.disabledAt) {
    await deleteSession(db, idHash);
    return null;
  }
  // lastSeenAt is written at most once a minute per session: the idle expiry needs no finer grain.
  if (Date.parse(lastSeenAt) + TOUCH_INTERVAL_MS <= now) await touchSession(db, idHash, new Date(now).toISOString());
  return { token, idHash, csrfToken: csrfTokenFor(token), user, companyLimits: { minute: rateLimitMinute, hour: rateLimitHour } };
}

export function signOut(db: Kysely<DB>, session: LiveSession): Promise<void> {
  return deleteSession(db, session.idHash);
}

/** A new one-time set-password link's token for the user (earlier links of theirs stop working). */
export async function issueInvitation(scope: TxScope, time: TransactionClock, userId: string): Promise<{ token: string; expiresAt: string }> {
  await deleteUserInvitations(scope, userId);
  const token = newSecretToken();
  const expiresAt = new Date(Date.parse(time.at) + INVITATION_TTL_MS).toISOString();
  await insertInvitation(scope, { tokenHash: tokenHash(token), userId, createdAt: time.at, expiresAt });
  return { token, expiresAt };
}

export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/console/accept?token=${token}`;
}

/**
 * Accepting an invitation (or the CLI's set-password link): sets the password, ends the user's
 * other sessions and signs them in. The link works once, for 24 hours, for a user still enabled.
 */
export async function acceptInvitation(db: Kysely<DB>, clock: Clock, input: { token: string; password: string }): Promise<StartedSession> {
  const invalid = () => errors.field('token', 'This link is invalid, expired or already used; ask an admin for a new one.', 'invalid_token');
  const hash = tokenHash(input.token);
  const invitation = await findInvitation(db, hash);
  if (!invitation) throw invalid();
  const passwordHash = await hashPassword(input.password);
  const started = await companyTransaction(clock, { scope: new TenantScope(db, invitation.companyId) }, async (scope, time) => {
    const current = await findInvitationForUpdate(scope, hash);
    if (!current || current.expiresAt <= time.at) return null;
    const user = await findUserForUpdate(scope, current.userId);
    if (!user || user.disabledAt) return null;
    await deleteUserInvitations(scope, user.id);
    await deleteUserSessions(scope, user.id);
    await updateUserRow(scope, user.id, { passwordHash, updatedAt: time.at });
    return startSession(scope, time, { ...user, passwordHash });
  });
  if (!started) throw invalid();
  return started;
}

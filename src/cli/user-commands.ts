import type { Command } from 'commander';
import type { z } from 'zod';
import { loadConfig } from '../config/config.ts';
import { systemClock } from '../core/clock.ts';
import { TenantScope } from '../db/tenant-scope.ts';
import { errors } from '../errors/catalogue.ts';
import { findLiveUserById, listAllUsers, toUser } from '../users/repository.ts';
import { EmailSchema, PasswordSchema, RoleSchema, type User } from '../users/schema.ts';
import { createUser, updateUser } from '../users/service.ts';
import { type Output, requireCompany, withDatabase } from './operator-commands.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parsed<T extends z.ZodType>(schema: T, value: unknown, name: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${name} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  return result.data;
}

/** The first line of standard input, its line ending removed (§13 --password-stdin). */
async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0]?.replace(/\r$/, '') ?? '';
}

function describeUser(user: User & { invitationUrl?: string | null }): string {
  const state = user.disabledAt ? 'disabled' : 'active';
  const base = `${user.id}  ${user.email}  ${user.role}  ${user.companyId}  ${state}`;
  return user.invitationUrl ? `${base}\nSet-password link (shown once, valid 24 hours): ${user.invitationUrl}` : base;
}

/** §13: console users, for the operator (the first admin of a company, above all). */
export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('Manage console users');
  users
    .command('create')
    .requiredOption('--company <companyId>')
    .requiredOption('--email <email>')
    .requiredOption('--role <role>', 'admin or recruiter')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--json', 'print JSON')
    .action((options: Output & { company: string; email: string; role: string; passwordStdin?: boolean }) =>
      withDatabase(
        options,
        async (database) => {
          const email = parsed(EmailSchema, options.email, '--email');
          const role = parsed(RoleSchema, options.role, '--role');
          const password = options.passwordStdin ? parsed(PasswordSchema, await firstLineOfStdin(), 'the password') : undefined;
          await requireCompany(database, options.company);
          const { publicUrl } = loadConfig();
          const created = await createUser(systemClock, { scope: new TenantScope(database.db, options.company) }, { email, role }, { publicUrl, ...(password === undefined ? {} : { password }) });
          return { ...created.user, invitationUrl: created.invitationUrl, invitationExpiresAt: created.invitationExpiresAt };
        },
        describeUser,
      ),
    );
  users
    .command('list')
    .option('--company <companyId>')
    .option('--json', 'print JSON')
    .action((options: Output & { company?: string }) =>
      withDatabase(options, async (database) => (await listAllUsers(database.db, options.company)).map(toUser), (rows) => rows.map(describeUser).join('\n') || '(no users)'),
    );
  users
    .command('disable <userId>')
    .option('--json', 'print JSON')
    .action((userId: string, options: Output) =>
      withDatabase(
        options,
        async (database) => {
          const user = UUID.test(userId) ? await findLiveUserById(database.db, userId.toLowerCase()) : undefined;
          if (!user) throw errors.notFound('user', userId);
          return updateUser(systemClock, { scope: new TenantScope(database.db, user.companyId) }, user.id, { disabled: true }, null);
        },
        (u) => `Disabled ${u.email} (${u.id}); their sessions have ended.`,
      ),
    );
}

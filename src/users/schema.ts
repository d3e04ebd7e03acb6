import { z } from 'zod';
import { ROLES } from '../auth/scopes.ts';
import { CompanyIdQuery, TimestampSchema } from '../http/common-schemas.ts';
import { ListQuerySchema } from '../http/pagination.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.ts';

/** Addresses are compared in lower case: sign-in must not depend on how someone typed theirs. */
export const EmailSchema = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());

export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters long`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters long`);

export const RoleSchema = z.enum(ROLES).describe('admin: every scope of the company; recruiter: agents, jobs, candidates, interviews and read:billing.');

export const UserSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    email: z.string(),
    role: RoleSchema,
    disabledAt: TimestampSchema.nullable(),
    createdAt: TimestampSchema,
    lastSignInAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'User', description: 'A console user (extension, §15).' });

export const CreatedUserSchema = UserSchema.extend({
  invitationUrl: z.string().describe('The one-time link (24 h) where the user sets a password and signs in; shown once.'),
}).meta({ id: 'CreatedUser' });

export const CreateUserBody = z.strictObject({ email: EmailSchema, role: RoleSchema });

export const UpdateUserBody = z.strictObject({
  role: RoleSchema.optional(),
  disabled: z.boolean().optional().describe('true disables the user (and ends their sessions); false enables them again.'),
  revokeSessions: z.literal(true).optional().describe("Ends every session of the user (they must sign in again)."),
});

export const UserListQuery = ListQuerySchema.pick({ page: true, limit: true, order: true }).extend({ ...CompanyIdQuery });

/** The console's own routes (not under /v1, not in the OpenAPI document). */
export const SignInBody = z.strictObject({ email: z.string().max(1024), password: z.string().max(MAX_PASSWORD_LENGTH) });
export const AcceptInvitationBody = z.strictObject({ token: z.string().min(1).max(200), password: PasswordSchema });
export const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() });

export type User = z.infer<typeof UserSchema>;
export type CreatedUser = z.infer<typeof CreatedUserSchema>;
export type CreateUserInput = z.infer<typeof CreateUserBody>;
export type UpdateUserInput = z.infer<typeof UpdateUserBody>;
export type UserListQuery = z.infer<typeof UserListQuery>;
export type ConsoleSession = z.infer<typeof SessionSchema>;

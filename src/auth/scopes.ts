/** Contract §3.2; `api-keys` and `users` are extensions (§15). */
export const SCOPES = [
  ...(['agents', 'candidates', 'jobs', 'interviews'] as const).flatMap((r) => [`read:${r}`, `write:${r}`, `delete:${r}`] as const),
  ...(['companies', 'webhooks', 'phone-numbers', 'api-keys', 'users'] as const).flatMap((r) => [`read:${r}`, `write:${r}`] as const),
  'read:billing',
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export const ROLES = ['admin', 'recruiter'] as const;
export type Role = (typeof ROLES)[number];

/**
 * §15: a console session stands in for a company key with its role's scopes. An admin holds every
 * scope; a recruiter runs interviews (agents, jobs, candidates, interviews, usage) but manages
 * no webhooks, keys, users, phone numbers or company settings.
 */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  admin: SCOPES,
  recruiter: [
    ...(['agents', 'candidates', 'jobs', 'interviews'] as const).flatMap((r) => [`read:${r}`, `write:${r}`, `delete:${r}`] as const),
    'read:billing',
  ],
};

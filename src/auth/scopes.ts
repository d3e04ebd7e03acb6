/** Contract §3.2. */
export const SCOPES = [
  ...(['agents', 'candidates', 'jobs', 'interviews'] as const).flatMap((r) => [`read:${r}`, `write:${r}`, `delete:${r}`] as const),
  ...(['companies', 'webhooks', 'phone-numbers', 'api-keys'] as const).flatMap((r) => [`read:${r}`, `write:${r}`] as const),
  'read:billing',
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

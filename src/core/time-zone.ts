/**
 * The canonical IANA name of a time zone `Intl` knows (`europe/berlin` → `Europe/Berlin`,
 * `US/Pacific` → `America/Los_Angeles`), or null. Offsets such as `+01:00` are not names.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z]/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

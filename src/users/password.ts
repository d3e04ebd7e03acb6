import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are people's secrets and may be guessable, so unlike API keys they get a slow,
 * memory-hard KDF: scrypt with N = 2^15, r = 8, p = 1 (32 MiB and tens of milliseconds per hash,
 * OWASP's floor for scrypt), a 16-byte salt per hash, a 32-byte result. The parameters travel in
 * the stored string, so raising them later still verifies the old hashes.
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** Node refuses scrypt above 32 MiB unless told; 128·N·r is exactly that, so allow twice. */
const MAX_MEMORY = 2 * 128 * N * R;

export const MIN_PASSWORD_LENGTH = 12;
/** Bounds the work one request can ask of the KDF. */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, { N: n, r, p, maxmem: Math.max(MAX_MEMORY, 2 * 128 * n * r) }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P, KEY_LENGTH);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time comparison of the derived key; a malformed stored hash verifies nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, expected] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !expected) return false;
  const want = Buffer.from(expected, 'base64url');
  const got = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p), want.length);
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * A hash of a password nobody has, verified when the email names no account with a password, so
 * that a wrong email takes as long as a wrong password (no account enumeration by timing).
 */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(18).toString('base64url'));
  await verifyPassword(password, await decoy);
  return false;
}

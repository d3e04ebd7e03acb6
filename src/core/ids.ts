import { randomFillSync } from 'node:crypto';

/*
 * UUID v7 (RFC 9562) written here rather than taken from `uuid`: that package asks the OS for 16
 * fresh random bytes per id (≈ 4 µs here, most of a request id's cost), while this fills a pool
 * of random bytes once per 256 ids. Layout: 48-bit Unix ms · version 7 · 12-bit counter (rand_a,
 * RFC 9562 §6.2 method 1, so ids made in the same millisecond still sort in creation order) ·
 * variant · 62 random bits.
 */

const POOL_IDS = 256;
const BYTES_PER_ID = 10;
const pool = Buffer.alloc(POOL_IDS * BYTES_PER_ID);
let poolOffset = pool.length;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

let lastMs = -1;
let counter = 0;

function randomBytes(): number {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const at = poolOffset;
  poolOffset += BYTES_PER_ID;
  return at;
}

/** Every identifier interviewd generates: UUID v7, so ids sort by creation time. */
export function newId(now: number = Date.now()): string {
  const r = randomBytes();
  if (now > lastMs) {
    lastMs = now;
    // Start each millisecond in the lower half of the counter, leaving room to count up.
    counter = ((pool[r] as number) << 3) | ((pool[r + 1] as number) & 0x07);
  } else if (++counter > 0xfff) {
    // More than the counter holds in one millisecond (or the clock went back): borrow the next
    // millisecond, as RFC 9562 §6.2 allows, so order is kept.
    lastMs += 1;
    counter = 0;
  }
  const ms = lastMs;
  const high = Math.floor(ms / 0x1000000);
  const low = ms % 0x1000000;
  const h = HEX;
  return (
    h[(high >>> 16) & 0xff]! +
    h[(high >>> 8) & 0xff]! +
    h[high & 0xff]! +
    h[(low >>> 16) & 0xff]! +
    '-' +
    h[(low >>> 8) & 0xff]! +
    h[low & 0xff]! +
    '-' +
    h[0x70 | (counter >>> 8)]! +
    h[counter & 0xff]! +
    '-' +
    h[0x80 | ((pool[r + 2] as number) & 0x3f)]! +
    h[pool[r + 3] as number]! +
    '-' +
    h[pool[r + 4] as number]! +
    h[pool[r + 5] as number]! +
    h[pool[r + 6] as number]! +
    h[pool[r + 7] as number]! +
    h[pool[r + 8] as number]! +
    h[pool[r + 9] as number]!
  );
}

import type { Clock } from '../core/clock.ts';

const WINDOW_MS = 60_000;

/**
 * Counts failed authentications (an unknown or malformed key) per client address, in a one-minute
 * window that starts at the address's first failure. Past the limit, the address must wait for
 * the window's end before another such attempt is even looked up (authenticate.ts answers 429).
 *
 * Counted in this process only: with several processes an address gets the limit at each of them,
 * which still bounds the database lookups it can cause. IPv6 addresses are counted per /64, the
 * block one host usually holds, or rotating addresses inside it would escape the count. Memory is
 * bounded: past `maxAddresses`, the oldest window is dropped.
 */
export class FailedAuthThrottle {
  private readonly windows = new Map<string, { startedAt: number; failures: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly clock: Clock,
    private readonly maxAddresses = 50_000,
  ) {}

  /** Seconds before the address may fail again; 0 when it may now. */
  waitSeconds(address: string): number {
    const now = this.clock.now().getTime();
    const window = this.windows.get(addressGroup(address));
    if (!window || window.startedAt + WINDOW_MS <= now || window.failures < this.limitPerMinute) return 0;
    return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
  }

  /** Counts one failure of the address. */
  record(address: string): void {
    const now = this.clock.now().getTime();
    const group = addressGroup(address);
    const window = this.windows.get(group);
    if (window && window.startedAt + WINDOW_MS > now) {
      window.failures++;
      return;
    }
    // A new window goes to the end of the Map, so the first entry is always the oldest window.
    this.windows.delete(group);
    if (this.windows.size >= this.maxAddresses) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
    this.windows.set(group, { startedAt: now, failures: 1 });
  }
}

/** An IPv4 address as it is (an IPv4-mapped IPv6 one too); an IPv6 address as its /64. */
export function addressGroup(address: string): string {
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  let canonical: string;
  try {
    // The URL parser writes any IPv6 form (embedded IPv4, upper case, zeros) one way, in hex groups.
    canonical = new URL(`http://[${address.split('%')[0]}]/`).hostname.slice(1, -1);
  } catch {
    return address;
  }
  const [head = '', tail] = canonical.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).join(':')}::/64`;
}

import { promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Server-side request forgery guard (§11): a webhook must not make interviewd call into its own
 * network. Checked when a webhook is created or its URL changes, and again on every connection a
 * delivery opens (the DNS answer used for the connection is the one checked, so a name that
 * re-resolves to a private address later — DNS rebinding — is caught too).
 */

const RANGES: [cidr: string, what: string][] = [
  ['0.0.0.0/8', 'an unspecified address'],
  ['10.0.0.0/8', 'a private address'],
  ['100.64.0.0/10', 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0/8', 'a loopback address'],
  ['169.254.169.254/32', 'a cloud metadata address'],
  ['169.254.0.0/16', 'a link-local address'],
  ['172.16.0.0/12', 'a private address'],
  ['192.0.0.0/24', 'a reserved address'],
  ['192.168.0.0/16', 'a private address'],
  ['198.18.0.0/15', 'a reserved address'],
  ['224.0.0.0/4', 'a multicast address'],
  ['240.0.0.0/4', 'a reserved address'],
  ['::/128', 'an unspecified address'],
  ['::1/128', 'a loopback address'],
  ['fd00:ec2::254/128', 'a cloud metadata address'],
  ['fc00::/7', 'a private address'],
  ['fe80::/10', 'a link-local address'],
  ['ff00::/8', 'a multicast address'],
];

const lists = RANGES.map(([cidr, what]) => {
  const [address, bits] = cidr.split('/') as [string, string];
  const list = new BlockList();
  list.addSubnet(address, Number(bits), isIP(address) === 4 ? 'ipv4' : 'ipv6');
  return { list, family: isIP(address) === 4 ? 'ipv4' : 'ipv6', what };
});

/** The eight 16-bit groups of an IPv6 address (any spelling, embedded IPv4 included). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a, b, c, d] = v4[1].split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === null ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => Number.parseInt(g, 16));
}

/** An IPv4 address carried inside an IPv6 one (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96). */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  const mapped = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0;
  if (!mapped && !nat64) return null;
  const [hi, lo] = [g[6] ?? 0, g[7] ?? 0];
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/** Why a connection to `address` is refused (a phrase such as "a loopback address"), or null. */
export function forbiddenAddress(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner) return forbiddenAddress(inner);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const entry of lists) if (entry.family === type && entry.list.check(address, type)) return entry.what;
  return null;
}

export class UnsafeTargetError extends Error {
  readonly code = 'UNSAFE_WEBHOOK_TARGET';
}

/** The host of a URL as an IP literal (brackets removed), or null for a name. */
function literalHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : null;
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;
const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Create-time check. Returns the reason the URL is refused, or null. A name that does not resolve
 * (yet) is accepted: every delivery checks again before it connects.
 */
export async function unsafeTargetReason(raw: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<string | null> {
  const url = new URL(raw);
  if (allowPrivate) return null;
  if (url.protocol !== 'https:') return 'must use https';
  const literal = literalHost(url);
  if (literal) {
    const why = forbiddenAddress(literal);
    return why ? `points to ${why} (${literal})` : null;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(url.hostname);
  } catch {
    return null;
  }
  for (const { address } of addresses) {
    const why = forbiddenAddress(address);
    if (why) return `resolves to ${why} (${address})`;
  }
  return null;
}

/** Delivery-time check of the URL itself (scheme, IP literal); names are checked by `guardedLookup`. */
export function assertDeliverable(url: URL, allowPrivate: boolean): void {
  if (allowPrivate) return;
  if (url.protocol !== 'https:') throw new UnsafeTargetError('refused: the URL does not use https');
  const literal = literalHost(url);
  const why = literal ? forbiddenAddress(literal) : null;
  if (why) throw new UnsafeTargetError(`refused: the URL points to ${why} (${literal})`);
}

/**
 * A `lookup` for http(s).request: resolves every address of the name and refuses the connection
 * when any of them is forbidden, so the address connected to is always one that was checked.
 */
export function guardedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = family ? found.filter((a) => a.family === family) : found;
        if (!allowPrivate) {
          for (const { address } of found) {
            const why = forbiddenAddress(address);
            if (why) return callback(new UnsafeTargetError(`refused: ${hostname} resolves to ${why} (${address})`), '', 0);
          }
        }
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, addresses);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

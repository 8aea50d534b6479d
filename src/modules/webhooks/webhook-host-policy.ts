import { BlockList, isIP } from 'node:net';

/** Addresses never reached by a host allowed only by name (DNS rebinding to internal services). */
const SPECIAL_RANGES: ReadonlyArray<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
];

const SPECIAL = new BlockList();
for (const [network, prefix, family] of SPECIAL_RANGES) SPECIAL.addSubnet(network, prefix, family);

/**
 * Where webhooks may go (WEBHOOK_ALLOWED_HOSTS): host names, `*.` suffixes and CIDR ranges; null
 * allows everything (development). A URL's host is allowed when it is listed by name, or when it
 * is an address (or resolves only to addresses) inside a listed range. At delivery the resolved
 * address is checked again: inside a listed range, or — for a host listed by name — not a
 * loopback, private, link-local or otherwise special address.
 */
export class WebhookHostPolicy {
  private readonly names: string[] = [];
  private readonly suffixes: string[] = [];
  private readonly ranges = new BlockList();
  private hasRanges = false;

  constructor(readonly entries: readonly string[] | null) {
    for (const entry of entries ?? []) {
      const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(entry);
      if (cidr) {
        this.ranges.addSubnet(cidr[1], Number(cidr[2]), isIP(cidr[1]) === 6 ? 'ipv6' : 'ipv4');
        this.hasRanges = true;
      } else if (isIP(entry)) {
        this.ranges.addAddress(entry, isIP(entry) === 6 ? 'ipv6' : 'ipv4');
        this.hasRanges = true;
      } else if (entry.startsWith('*.')) {
        this.suffixes.push(entry.slice(1));
      } else {
        this.names.push(entry);
      }
    }
  }

  get allowsEverything(): boolean {
    return this.entries === null;
  }

  /** The host is listed by name (exactly or under a `*.` suffix). */
  listsName(host: string): boolean {
    const name = host.toLowerCase();
    return this.names.includes(name) || this.suffixes.some((suffix) => name.endsWith(suffix));
  }

  /** The address is inside a listed range. */
  inRanges(address: string): boolean {
    const family = isIP(address);
    if (!this.hasRanges || family === 0) return false;
    return this.ranges.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }

  /** May a delivery to `host` connect to `address` (after DNS)? */
  allowsAddress(host: string, address: string): boolean {
    if (this.allowsEverything) return true;
    if (this.inRanges(address)) return true;
    const family = isIP(address);
    if (family === 0) return false;
    return (
      isIP(host) === 0 &&
      this.listsName(host) &&
      !SPECIAL.check(address, family === 6 ? 'ipv6' : 'ipv4')
    );
  }
}

/** A URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

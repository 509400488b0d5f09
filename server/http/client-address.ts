/**
 * Which address a request comes from, for rate limits and logs: the socket's, or, behind proxies
 * the operator trusts (`IDO_TRUST_PROXY`), the one those proxies forwarded. Pure, no I/O.
 *
 * Anyone can send `X-Forwarded-For`, so it counts only as far as it was written by a trusted
 * proxy. Each proxy appends the address it received the request from, so the list is read from
 * the right: the socket's peer first, then the entries right to left, stopping at the first hop
 * that is not trusted. Whatever a client wrote itself sits to the left of that and is ignored.
 */
import { BlockList, isIP } from 'node:net';

/** How far forwarding headers are believed; parsed once at start from `IDO_TRUST_PROXY`. */
export type TrustProxy =
  /** Unset: forwarding headers are ignored, the socket's address is the client. */
  | { kind: 'none' }
  /** A number: the last `hops` hops (the socket's peer and the entries it and the proxies before it appended) are proxies. */
  | { kind: 'hops'; hops: number }
  /** A list: these addresses and CIDR ranges are proxies, wherever they appear from the right. */
  | { kind: 'list'; proxies: BlockList; text: string };

/** The most hops a number may name: more proxies than this in front of one server is a typo. */
const MAX_HOPS = 32;

/**
 * Reads `IDO_TRUST_PROXY`: unset or empty → none; `N` (1–32) → N hops; a comma-separated list of
 * IPv4/IPv6 addresses and CIDR ranges (`10.0.0.0/8, 192.168.1.7, fd00::/8`) → those proxies.
 * @throws Error naming the entry that cannot be read, so that the server refuses to start
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > MAX_HOPS) throw new Error(`a number of proxies from 1 to ${MAX_HOPS}, not ${text} (leave it unset for none)`);
    return { kind: 'hops', hops };
  }
  const proxies = new BlockList();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const type = family === 6 ? 'ipv6' : 'ipv4';
    const bits = prefix === undefined ? undefined : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || extra !== undefined || (bits !== undefined && !(bits >= 0 && bits <= (family === 6 ? 128 : 32)))) {
      throw new Error(
        `"${entry}" is not an IP address or CIDR range; give a number of proxies, or addresses and ranges separated by commas (10.0.0.0/8, 192.168.1.7, fd00::/8)`,
      );
    }
    if (bits === undefined) proxies.addAddress(normalise(address), type);
    else proxies.addSubnet(normalise(address), bits, type);
  }
  return { kind: 'list', proxies, text };
}

/**
 * The client's address.
 * @param socketAddress - the TCP peer (`socket.remoteAddress`); undefined when there is none (in-process requests)
 * @param forwardedFor - the `X-Forwarded-For` header as received, or undefined
 * @param trust - from {@link parseTrustProxy}
 * @returns an address, or `'local'` when the request came through no socket at all
 */
export function pickClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string {
  const socket = socketAddress ? normalise(socketAddress) : 'local';
  if (trust.kind === 'none' || !forwardedFor) return socket;
  // Right to left: the socket's peer, then the forwarded entries from the last to the first.
  const hops = [
    socket,
    ...forwardedFor
      .split(',')
      .map((entry) => normalise(entry.trim()))
      .reverse(),
  ];
  if (trust.kind === 'hops') {
    // With fewer entries than trusted hops, the furthest one known is the client.
    const i = Math.min(trust.hops, hops.length - 1);
    return validOr(hops[i], hops, i);
  }
  for (let i = 0; i < hops.length; i++) {
    const hop = hops[i];
    const family = isIP(hop);
    const trusted = family !== 0 && trust.proxies.check(hop, family === 6 ? 'ipv6' : 'ipv4');
    if (!trusted || i === hops.length - 1) return validOr(hop, hops, i);
  }
  return socket;
}

/**
 * A forwarded entry that is no address (a client's garbage, an `unknown` from a proxy) cannot be a
 * client of its own, or every made-up word would get a fresh limit: the hop that wrote it, the one
 * to its right, stands in for it.
 */
function validOr(hop: string, hops: string[], index: number): string {
  if (index === 0 || isIP(hop)) return hop;
  return hops[index - 1];
}

/**
 * One spelling per address: no port (`1.2.3.4:5678`, `[::1]:80`, as some proxies write them), no
 * brackets, IPv4-mapped IPv6 (`::ffff:10.0.0.1`, how a dual-stack socket reports IPv4) as IPv4, lower case.
 */
function normalise(entry: string): string {
  let address = entry;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  return mapped ? mapped[1] : address;
}

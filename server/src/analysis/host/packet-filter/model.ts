// One model of a host's inbound packet filter, read from iptables-save or nft list ruleset
// output, and the question every firewall check asks of one rule: does it match this packet?
// The answer has three values: a packet field the question leaves open (the client's source
// of a VIP request) or a condition we do not model makes it 'maybe', and a 'maybe' never
// counts as dropping: a false "blocked" would send someone on call down the wrong path.
import { inSubnet, type IpAddress, type IpPrefix } from '../../net/ip.js';

export type Tri = 'yes' | 'no' | 'maybe';

export type Match =
  | { field: 'saddr' | 'daddr'; family?: 4 | 6; negated: boolean; prefixes: IpPrefix[] }
  | { field: 'protocol' | 'iif' | 'ctstate' | 'pkttype'; negated: boolean; values: string[] }
  | { field: 'dport'; negated: boolean; ranges: Array<[number, number]> }
  | { field: 'family'; family: 4 | 6 }
  /** A condition we do not model, as written. */
  | { field: 'unknown'; text: string };

export type Verdict =
  | { kind: 'accept' | 'drop' | 'reject' | 'return' | 'continue' }
  | { kind: 'jump' | 'goto'; chain: string }
  /** A verdict we do not model (queue, a map we cannot read ...), as written. */
  | { kind: 'unknown'; text: string };

export interface FilterRule {
  matches: Match[];
  verdict: Verdict;
  /** The rule as written (one line of iptables-save or nft output). */
  text: string;
  /** Offset of the rule's line in the facts text. */
  offset: number;
  /** nft rule handle, when the output has them (`nft -a`). */
  handle?: number;
}

export interface FilterChain {
  /** iptables table (`filter`) or nftables `family name` (`inet filter`). */
  table: string;
  name: string;
  /** Base chains: where the packet enters them. */
  hook?: 'prerouting' | 'input';
  priority: number;
  /** Verdict at the end of a base chain. */
  policy: 'accept' | 'drop';
  /** Address family a base chain sees: 4, 6 or both (inet, and iptables tables for IPv4 only). */
  families: Array<4 | 6>;
  rules: FilterRule[];
  /** Offset of the chain's policy in the facts text (for a policy drop). */
  offset: number;
}

export interface PacketFilter {
  backend: 'iptables' | 'nftables';
  chains: FilterChain[];
}

/** A packet on its way in; an absent field is unknown (any value). */
export interface Packet {
  family: 4 | 6;
  saddr?: IpAddress;
  daddr: IpAddress;
  /** Lower-case protocol name (vrrp, ah, tcp, udp). */
  protocol?: string;
  dport?: number;
  /** Input interface; unknown but never loopback when absent. */
  iif?: string;
}

/** Protocol numbers by the names nft and iptables print. */
const PROTOCOL_NAMES: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '47': 'gre', '50': 'esp', '51': 'ah', '58': 'ipv6-icmp', '112': 'vrrp', '132': 'sctp', icmpv6: 'ipv6-icmp' };

export function protocolName(text: string): string {
  const lower = text.toLowerCase();
  return PROTOCOL_NAMES[lower] ?? lower;
}

const not = (t: Tri): Tri => (t === 'yes' ? 'no' : t === 'no' ? 'yes' : 'maybe');

/** An interface name pattern: `eth*` (iptables `eth+`) matches by prefix. */
function interfaceMatches(pattern: string, name: string): boolean {
  if (pattern.endsWith('*') || pattern.endsWith('+')) return name.startsWith(pattern.slice(0, -1));
  return pattern === name;
}

function positive(match: Match, packet: Packet): Tri {
  switch (match.field) {
    case 'family':
      return match.family === packet.family ? 'yes' : 'no';
    case 'saddr':
    case 'daddr': {
      if (match.family && match.family !== packet.family) return 'no';
      const address = match.field === 'saddr' ? packet.saddr : packet.daddr;
      if (!address) return 'maybe';
      return match.prefixes.some((p) => inSubnet(address, p.address, p.prefix)) ? 'yes' : 'no';
    }
    case 'protocol':
      if (!packet.protocol) return 'maybe';
      return match.values.includes(packet.protocol) ? 'yes' : 'no';
    case 'dport':
      if (packet.dport === undefined) return packet.protocol && !['tcp', 'udp', 'sctp'].includes(packet.protocol) ? 'no' : 'maybe';
      return match.ranges.some(([lo, hi]) => packet.dport! >= lo && packet.dport! <= hi) ? 'yes' : 'no';
    case 'iif':
      if (!packet.iif) return match.values.every((v) => v === 'lo') ? 'no' : 'maybe';
      return match.values.some((v) => interfaceMatches(v, packet.iif!)) ? 'yes' : 'no';
    case 'ctstate':
      // Both questions are about the first packet of a flow: a VIP request, or a VRRP advert
      // (a master's adverts get no reply, so conntrack never sees them as established).
      return match.values.includes('new') ? 'yes' : 'no';
    case 'pkttype':
      return match.values.includes(isMulticast(packet.daddr) ? 'multicast' : 'host') || (!isMulticast(packet.daddr) && match.values.includes('unicast')) ? 'yes' : 'no';
    case 'unknown':
      return 'maybe';
  }
}

export function matchPacket(match: Match, packet: Packet): Tri {
  const result = positive(match, packet);
  return 'negated' in match && match.negated ? not(result) : result;
}

/** All matches of a rule together. */
export function ruleMatches(rule: FilterRule, packet: Packet): Tri {
  let result: Tri = 'yes';
  for (const match of rule.matches) {
    const one = matchPacket(match, packet);
    if (one === 'no') return 'no';
    if (one === 'maybe') result = 'maybe';
  }
  return result;
}

export function isMulticast(address: IpAddress): boolean {
  return address.family === 4 ? address.value >> 28n === 0xen : address.value >> 120n === 0xffn;
}

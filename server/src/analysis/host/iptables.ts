// Reads verbatim `iptables-save` output and finds the rule that drops or rejects traffic to an
// address before IPVS sees it (raw PREROUTING, mangle PREROUTING/INPUT, filter INPUT). Rules
// with conditions we do not model (interfaces, states, sources, marks ...) never count as
// blocking: a false "blocked" would send someone on call down the wrong path.
import { inSubnet, networkOf, parseIpPrefix, type IpAddress } from '../net/ip.js';

export interface IptablesRule {
  table: string;
  chain: string;
  text: string;
  /** Offset of the line in the iptables-save text. */
  offset: number;
  target: string;
  destination?: { address: IpAddress; prefix: number; negated: boolean };
  protocol?: string;
  ports?: Array<[number, number]>;
  /** Conditions other than -d / -p / --dport(s) / -m tcp|udp|multiport. */
  otherConditions: boolean;
}

const PATH = [['raw', 'PREROUTING'], ['mangle', 'PREROUTING'], ['mangle', 'INPUT'], ['filter', 'INPUT']];

function ports(text: string): Array<[number, number]> {
  return text.split(',').map((p) => {
    const [lo, hi] = p.split(':').map(Number);
    return [lo, hi ?? lo] as [number, number];
  });
}

/** Words of a rule line; a quoted argument (`--comment "a b"`) stays one word. */
export function ruleWords(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

function parseRule(table: string, line: string, offset: number): IptablesRule | undefined {
  // `iptables-save -c` puts packet and byte counters first: [12:720] -A ...
  const words = ruleWords(line.trim().replace(/^\[\d+:\d+\]\s+/, ''));
  if (words[0] !== '-A' || !words[1]) return undefined;
  const rule: IptablesRule = { table, chain: words[1], text: line.trim().replace(/^\[\d+:\d+\]\s+/, ''), offset, target: '', otherConditions: false };
  let negate = false;
  for (let i = 2; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (w === '!') { negate = true; continue; }
    if ((w === '-j' || w === '--jump') && next) { rule.target = next; i++; }
    else if ((w === '-d' || w === '--destination') && next) {
      const parsed = parseIpPrefix(next);
      if (parsed) rule.destination = { address: parsed.address, prefix: parsed.prefix, negated: negate };
      else rule.otherConditions = true;
      i++;
    } else if ((w === '-p' || w === '--protocol') && next) { rule.protocol = negate ? `!${next}` : next.toLowerCase(); i++; }
    else if ((w === '--dport' || w === '--dports' || w === '--destination-port') && next) { rule.ports = negate ? undefined : ports(next); if (negate) rule.otherConditions = true; i++; }
    else if (w === '-m' && next && ['tcp', 'udp', 'multiport', 'comment'].includes(next)) i++;
    else if ((w === '--comment' || w === '--reject-with') && next) i++; // a comment or part of the target
    else if (w.startsWith('-')) { rule.otherConditions = true; if (next && !next.startsWith('-')) i++; }
    negate = false;
  }
  return rule;
}

export function parseIptablesSave(text: string): IptablesRule[] {
  const rules: IptablesRule[] = [];
  let table = '';
  let offset = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('*')) table = trimmed.slice(1);
    else if (/^(\[\d+:\d+\]\s+)?-A\s/.test(trimmed)) {
      const rule = parseRule(table, line, offset + (line.length - line.trimStart().length));
      if (rule) rules.push(rule);
    }
    offset += line.length + 1;
  }
  return rules;
}

function reachesAddress(rule: IptablesRule, address: IpAddress): boolean {
  const d = rule.destination;
  return !d || inSubnet(address, d.address, d.prefix) !== d.negated;
}

/** Whether the rule matches all traffic to `address` (on `port`/`protocol` when given). */
function covers(rule: IptablesRule, address: IpAddress, port?: number, protocol?: string): boolean {
  if (rule.otherConditions || !reachesAddress(rule, address)) return false;
  // Without a protocol we ask about the whole address: a protocol-limited rule covers only part.
  if (rule.protocol && (!protocol || rule.protocol !== protocol)) return false;
  if (rule.ports) {
    if (port === undefined) return false; // only some ports are blocked: not the whole address
    if (!rule.ports.some(([lo, hi]) => port >= lo && port <= hi)) return false;
  }
  return true;
}

/** Whether the rule ends the search in its chain: an ACCEPT that lets (some of) the traffic through, or a DROP/REJECT that covers it. */
function decides(rule: IptablesRule, address: IpAddress, port?: number, protocol?: string): boolean {
  if (rule.target === 'ACCEPT') return port === undefined ? reachesAddress(rule, address) : covers(rule, address, port, protocol);
  return covers(rule, address, port, protocol);
}

/** Rules of one chain that can decide a lookup, in chain order, by the subnet they are limited to. */
class ChainIndex {
  /** Rules without a destination, or with a negated one. */
  private readonly anywhere: Array<{ order: number; rule: IptablesRule }> = [];
  /** By family and prefix length, then by network. */
  private readonly bySubnet = new Map<string, { family: 4 | 6; prefix: number; networks: Map<bigint, Array<{ order: number; rule: IptablesRule }>> }>();

  add(order: number, rule: IptablesRule): void {
    const d = rule.destination;
    if (!d || d.negated) {
      this.anywhere.push({ order, rule });
      return;
    }
    const key = `${d.address.family}/${d.prefix}`;
    let group = this.bySubnet.get(key);
    if (!group) this.bySubnet.set(key, (group = { family: d.address.family, prefix: d.prefix, networks: new Map() }));
    const network = networkOf(d.address, d.prefix);
    const list = group.networks.get(network);
    if (list) list.push({ order, rule });
    else group.networks.set(network, [{ order, rule }]);
  }

  /** The first rule in chain order that decides: the first decider of each list, the earliest of those. */
  first(address: IpAddress, port?: number, protocol?: string): IptablesRule | undefined {
    let best: { order: number; rule: IptablesRule } | undefined;
    const consider = (list: ReadonlyArray<{ order: number; rule: IptablesRule }> | undefined) => {
      for (const entry of list ?? []) {
        if (best && entry.order > best.order) return;
        if (decides(entry.rule, address, port, protocol)) {
          best = entry;
          return;
        }
      }
    };
    consider(this.anywhere);
    for (const group of this.bySubnet.values()) {
      if (group.family === address.family) consider(group.networks.get(networkOf(address, group.prefix)));
    }
    return best?.rule;
  }
}

/**
 * The rules on the packet's way to IPVS, indexed by destination so that a lookup reads only the
 * rules that can match the address (40,000 rules and 2,000 VIPs: 80 million rule checks before).
 * Rules that can never decide a lookup are left out: other targets (LOG, jumps), and for a lookup
 * with a port anything with conditions we do not model, for one without a port (the whole
 * address) a DROP/REJECT limited to ports or to such conditions.
 */
export interface Firewall {
  blockingRule(address: IpAddress, port?: number, protocol?: string): IptablesRule | undefined;
}

export function indexFirewall(rules: readonly IptablesRule[]): Firewall {
  const wholeAddress = PATH.map(() => new ChainIndex());
  const service = PATH.map(() => new ChainIndex());
  rules.forEach((rule, order) => {
    const step = PATH.findIndex(([table, chain]) => rule.table === table && rule.chain === chain);
    if (step < 0 || !['ACCEPT', 'DROP', 'REJECT'].includes(rule.target)) return;
    if (rule.target === 'ACCEPT' || (!rule.otherConditions && !rule.ports)) wholeAddress[step].add(order, rule);
    if (!rule.otherConditions) service[step].add(order, rule);
  });
  return {
    // The first DROP/REJECT on the way, unless an earlier ACCEPT in its chain lets the traffic
    // through (later tables may still drop it).
    blockingRule(address, port, protocol) {
      for (const chain of port === undefined ? wholeAddress : service) {
        const rule = chain.first(address, port, protocol);
        if (rule && rule.target !== 'ACCEPT') return rule;
      }
      return undefined;
    },
  };
}

export function deleteCommand(rule: IptablesRule): string {
  return `iptables -t ${rule.table} -D ${rule.text.replace(/^-A\s+/, '')}`;
}

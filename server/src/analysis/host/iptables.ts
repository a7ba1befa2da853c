// Reads verbatim `iptables-save` output and finds the rule that drops or rejects traffic to an
// address before IPVS sees it (raw PREROUTING, mangle PREROUTING/INPUT, filter INPUT). Rules
// with conditions we do not model (interfaces, states, sources, marks ...) never count as
// blocking: a false "blocked" would send someone on call down the wrong path.
import { inSubnet, parseIpPrefix, type IpAddress } from '../net/ip.js';

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
function ruleWords(line: string): string[] {
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

/** The first DROP/REJECT on the packet's way to IPVS, unless an earlier plain ACCEPT lets it through. */
export function findBlockingRule(rules: readonly IptablesRule[], address: IpAddress, port?: number, protocol?: string): IptablesRule | undefined {
  for (const [table, chain] of PATH) {
    for (const rule of rules.filter((r) => r.table === table && r.chain === chain)) {
      // An ACCEPT lets (some of) the traffic through this chain; later tables may still drop it.
      const accepts = rule.target === 'ACCEPT' && (port === undefined ? reachesAddress(rule, address) : covers(rule, address, port, protocol));
      if (accepts) break;
      if ((rule.target === 'DROP' || rule.target === 'REJECT') && covers(rule, address, port, protocol)) return rule;
    }
  }
  return undefined;
}

export function deleteCommand(rule: IptablesRule): string {
  return `iptables -t ${rule.table} -D ${rule.text.replace(/^-A\s+/, '')}`;
}

// Reads verbatim `iptables-save` output into the packet filter model: the chains a packet for
// this host passes (raw PREROUTING, mangle PREROUTING and INPUT, filter INPUT) with their
// policies, and user chains reached by -j / -g. iptables-save covers IPv4 only.
import { parseIpPrefix } from '../../net/ip.js';
import { ruleWords } from '../iptables.js';
import { protocolName, type FilterChain, type FilterRule, type Match, type PacketFilter, type Verdict } from './model.js';

const BASE: Record<string, { hook: 'prerouting' | 'input'; priority: number }> = {
  'raw PREROUTING': { hook: 'prerouting', priority: -300 },
  'mangle PREROUTING': { hook: 'prerouting', priority: -150 },
  'mangle INPUT': { hook: 'input', priority: -150 },
  'filter INPUT': { hook: 'input', priority: 0 },
};

/** Options whose next word belongs to the target, not to a match. */
const TARGET_OPTIONS = new Set(['--reject-with', '--log-prefix', '--log-level', '--comment']);

function verdictOf(target: string, goto: boolean): Verdict {
  if (goto) return { kind: 'goto', chain: target };
  const lower = target.toLowerCase();
  if (lower === 'accept' || lower === 'drop' || lower === 'reject' || lower === 'return') return { kind: lower };
  if (['LOG', 'NFLOG', 'ULOG', 'CONNMARK', 'MARK', 'CT', 'NOTRACK', 'TRACE'].includes(target)) return { kind: 'continue' };
  return { kind: 'jump', chain: target };
}

function parseRule(words: string[], text: string, offset: number): { chain: string; rule: FilterRule } | undefined {
  if (words[0] !== '-A' || !words[1]) return undefined;
  const matches: Match[] = [];
  let verdict: Verdict = { kind: 'continue' };
  let negated = false;
  for (let i = 2; i < words.length; i++) {
    const [w, next] = [words[i], words[i + 1]];
    if (w === '!') { negated = true; continue; }
    const value = next ?? '';
    if (w === '-j' || w === '--jump' || w === '-g' || w === '--goto') verdict = verdictOf(value, w === '-g' || w === '--goto');
    else if (w === '-s' || w === '--source' || w === '-d' || w === '--destination') {
      const parsed = value.split(',').map((v) => parseIpPrefix(v));
      if (parsed.every((p) => p)) matches.push({ field: w === '-s' || w === '--source' ? 'saddr' : 'daddr', family: 4, negated, prefixes: parsed.map((p) => p!) });
      else matches.push({ field: 'unknown', text: `${w} ${value}` });
    } else if (w === '-p' || w === '--protocol') matches.push({ field: 'protocol', negated, values: [protocolName(value)] });
    else if (w === '-i' || w === '--in-interface') matches.push({ field: 'iif', negated, values: [value] });
    else if (w === '--state' || w === '--ctstate') matches.push({ field: 'ctstate', negated, values: value.toLowerCase().split(',') });
    else if (w === '--pkt-type') matches.push({ field: 'pkttype', negated, values: [value === 'unicast' ? 'host' : value] });
    else if (w === '--dport' || w === '--dports' || w === '--destination-port') {
      matches.push({ field: 'dport', negated, ranges: value.split(',').map((p) => { const [lo, hi] = p.split(':').map(Number); return [lo, hi ?? lo] as [number, number]; }) });
    } else if (w === '-m' || TARGET_OPTIONS.has(w)) {
      // A match module's name says nothing by itself; its options do.
    } else if (w.startsWith('-')) {
      const hasValue = next !== undefined && !next.startsWith('-');
      matches.push({ field: 'unknown', text: hasValue ? `${w} ${next}` : w });
      if (!hasValue) { negated = false; continue; }
    } else { negated = false; continue; }
    i++;
    negated = false;
  }
  return { chain: words[1], rule: { matches, verdict, text, offset } };
}

export function parseIptablesModel(text: string): PacketFilter {
  const chains = new Map<string, FilterChain>();
  let table = '';
  let offset = 0;
  const chainOf = (name: string, at: number) => {
    const key = `${table} ${name}`;
    let chain = chains.get(key);
    if (!chain) chains.set(key, (chain = { table, name, hook: BASE[key]?.hook, priority: BASE[key]?.priority ?? 0, policy: 'accept', families: [4], rules: [], offset: at }));
    return chain;
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim().replace(/^\[\d+:\d+\]\s+/, '');
    const at = offset + (line.length - line.trimStart().length);
    offset += line.length + 1;
    if (trimmed.startsWith('*')) table = trimmed.slice(1);
    else if (trimmed.startsWith(':')) {
      const [name, policy] = trimmed.slice(1).split(/\s+/);
      const chain = chainOf(name, at);
      chain.policy = policy === 'DROP' ? 'drop' : 'accept';
    } else if (trimmed.startsWith('-A ')) {
      const parsed = parseRule(ruleWords(trimmed), trimmed, at);
      if (parsed) chainOf(parsed.chain, at).rules.push(parsed.rule);
    }
  }
  return { backend: 'iptables', chains: [...chains.values()] };
}

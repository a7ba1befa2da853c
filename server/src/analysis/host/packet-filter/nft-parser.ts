// Reads verbatim `nft list ruleset` output (tables of the ip, ip6 and inet families; other
// families do not filter IP input) into the packet filter model. Named sets and verdict maps
// are resolved; a condition or value we cannot read becomes an `unknown` match, which the
// evaluator treats as "may or may not match" and the checks report as not evaluated.
import { parseIpPrefix, type IpPrefix } from '../../net/ip.js';
import { protocolName, type FilterChain, type FilterRule, type Match, type PacketFilter, type Verdict } from './model.js';

const FAMILIES: Record<string, Array<4 | 6>> = { ip: [4], ip6: [6], inet: [4, 6] };
const PRIORITIES: Record<string, number> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };
const SERVICES: Record<string, number> = { ssh: 22, http: 80, https: 443, domain: 53, smtp: 25, ntp: 123, snmp: 161 };
const VERDICTS = new Set(['accept', 'drop', 'reject', 'return', 'continue', 'jump', 'goto', 'queue']);
/** Words that start a statement: an unknown condition ends before the next one. */
const STARTS = new Set(['ip', 'ip6', 'meta', 'iif', 'iifname', 'ct', 'tcp', 'udp', 'sctp', 'th', 'pkttype', 'counter', 'log', 'comment', ...VERDICTS]);

interface Table { name: string; families: Array<4 | 6>; sets: Map<string, string>; chains: FilterChain[]; lines: Array<{ chain: FilterChain; text: string; offset: number }> }

/** Words of a rule; a quoted string and a `{ ... }` group are one word each. */
export function nftWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    let j = i;
    if (c === '"') { j = text.indexOf('"', i + 1); j = j < 0 ? text.length : j + 1; }
    else if (c === '{') {
      for (let depth = 0; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) { j++; break; }
      }
    } else while (j < text.length && !/\s/.test(text[j])) j++;
    words.push(text.slice(i, j));
    i = j;
  }
  return words;
}

const unquote = (word: string) => word.replace(/^"(.*)"$/, '$1');

/** Elements of a `{ a, b }` group or a named `@set`, or the word itself. */
function elements(word: string, sets: Map<string, string>): string[] | undefined {
  if (word.startsWith('@')) {
    const body = sets.get(word.slice(1));
    return body === undefined ? undefined : elements(`{ ${body} }`, sets);
  }
  if (!word.startsWith('{')) return word.split(',').filter(Boolean);
  return word.slice(1, -1).split(',').map((e) => e.trim()).filter(Boolean);
}

function prefixes(values: string[]): IpPrefix[] | undefined {
  const out = values.map((v) => parseIpPrefix(v));
  return out.every((p): p is IpPrefix => p !== undefined) ? out : undefined;
}

function portRanges(values: string[]): Array<[number, number]> | undefined {
  const out = values.map((v) => {
    const [lo, hi] = v.split('-').map((p) => (/^\d+$/.test(p) ? Number(p) : SERVICES[p]));
    return lo === undefined || (v.includes('-') && hi === undefined) ? undefined : ([lo, hi ?? lo] as [number, number]);
  });
  return out.every((r): r is [number, number] => r !== undefined) ? out : undefined;
}

/** The match for a selector (`ip saddr`, `ct state` ...) and one value word. */
function selectorMatch(selector: string, value: string, negated: boolean, sets: Map<string, string>): Match | undefined {
  const values = elements(value, sets);
  if (!values) return undefined;
  const [base, field] = selector.split(' ');
  if (field === 'saddr' || field === 'daddr') {
    const parsed = prefixes(values);
    return parsed && { field, family: base === 'ip6' ? 6 : 4, negated, prefixes: parsed };
  }
  if (['ip protocol', 'ip6 nexthdr', 'meta l4proto'].includes(selector)) return { field: 'protocol', negated, values: values.map(protocolName) };
  if (['iif', 'iifname', 'meta iif', 'meta iifname'].includes(selector)) return { field: 'iif', negated, values: values.map(unquote) };
  if (selector === 'ct state') return { field: 'ctstate', negated, values };
  if (selector === 'meta pkttype' || selector === 'pkttype') return { field: 'pkttype', negated, values };
  if (selector === 'meta nfproto' && values.length === 1 && (values[0] === 'ipv4' || values[0] === 'ipv6')) return { field: 'family', family: values[0] === 'ipv4' ? 4 : 6 };
  if (field === 'dport') {
    const ranges = portRanges(values);
    return ranges && { field: 'dport', negated, ranges };
  }
  return undefined;
}

const SELECTORS = new Set(['ip saddr', 'ip daddr', 'ip6 saddr', 'ip6 daddr', 'ip protocol', 'ip6 nexthdr', 'meta l4proto', 'meta iif', 'meta iifname', 'ct state', 'meta pkttype', 'meta nfproto', 'tcp dport', 'udp dport', 'sctp dport', 'th dport']);

function verdictOf(words: string[]): Verdict {
  const [word, target] = words;
  if ((word === 'jump' || word === 'goto') && target) return { kind: word, chain: unquote(target) };
  if (word === 'accept' || word === 'drop' || word === 'reject' || word === 'return' || word === 'continue') return { kind: word };
  return { kind: 'unknown', text: words.join(' ') };
}

/** One rule line as model rules: one, or one per entry of a verdict map. */
export function parseNftRule(text: string, offset: number, sets: Map<string, string>): FilterRule[] {
  const handle = /\s#\s*handle\s+(\d+)\s*$/.exec(text);
  const body = handle ? text.slice(0, handle.index).trim() : text.trim();
  const words = nftWords(body);
  const matches: Match[] = [];
  const rule = (extra: Match[], verdict: Verdict): FilterRule => ({ matches: [...matches, ...extra], verdict, text: body, offset, handle: handle ? Number(handle[1]) : undefined });
  for (let i = 0; i < words.length; ) {
    const two = `${words[i]} ${words[i + 1] ?? ''}`;
    const selector = SELECTORS.has(two) ? two : ['iif', 'iifname', 'pkttype'].includes(words[i]) ? words[i] : undefined;
    if (selector) {
      let at = i + selector.split(' ').length;
      const negated = words[at] === '!=';
      if (words[at] === '!=' || words[at] === '==') at++;
      if (words[at] === 'vmap') return verdictMap(selector, words[at + 1] ?? '', sets, rule);
      const match = selectorMatch(selector, words[at] ?? '', negated, sets);
      matches.push(match ?? { field: 'unknown', text: words.slice(i, at + 1).join(' ') });
      // `tcp dport 80` also says the protocol.
      if (match && ['tcp', 'udp', 'sctp'].includes(words[i])) matches.push({ field: 'protocol', negated: false, values: [words[i]] });
      // `ip protocol` and `ip6 nexthdr` match one family only (in an inet table too).
      if (match?.field === 'protocol' && (words[i] === 'ip' || words[i] === 'ip6')) matches.push({ field: 'family', family: words[i] === 'ip' ? 4 : 6 });
      i = at + 1;
    } else if (words[i] === 'counter') {
      i += words[i + 1] === 'packets' ? 5 : 1;
    } else if (words[i] === 'log') {
      for (i++; ['prefix', 'level', 'group', 'snaplen', 'queue-threshold', 'flags'].includes(words[i]); i += 2);
    } else if (words[i] === 'comment') {
      i += 2;
    } else if (VERDICTS.has(words[i])) {
      // The verdict ends the rule (`reject with tcp reset` keeps its options).
      return [rule([], verdictOf(words.slice(i)))];
    } else {
      let j = i + 1;
      while (j < words.length && !STARTS.has(words[j])) j++;
      matches.push({ field: 'unknown', text: words.slice(i, j).join(' ') });
      i = j;
    }
  }
  return [rule([], { kind: 'continue' })];
}

/** `ip protocol vmap { tcp : jump tcp_in, vrrp : accept }`: one rule per entry; keys do not overlap, so order does not matter. */
function verdictMap(selector: string, map: string, sets: Map<string, string>, rule: (extra: Match[], verdict: Verdict) => FilterRule): FilterRule[] {
  const entries = elements(map, sets);
  if (!entries) return [rule([], { kind: 'unknown', text: `${selector} vmap ${map}` })];
  return entries.map((entry) => {
    const [key, verdict] = entry.split(/\s+:\s+/);
    const match = verdict === undefined ? undefined : selectorMatch(selector, key, false, sets);
    return rule([match ?? { field: 'unknown', text: `${selector} ${key}` }], verdict === undefined ? { kind: 'unknown', text: entry } : verdictOf(nftWords(verdict)));
  });
}

function priorityOf(text: string): number {
  const m = /^(-?\d+|[a-z]+)\s*(?:([+-])\s*(\d+))?$/.exec(text.trim());
  if (!m) return 0;
  const base = /^-?\d+$/.test(m[1]) ? Number(m[1]) : PRIORITIES[m[1]] ?? 0;
  return base + (m[2] ? (m[2] === '-' ? -1 : 1) * Number(m[3]) : 0);
}

export function parseNftRuleset(text: string): PacketFilter {
  const tables: Table[] = [];
  let table: Table | undefined;
  let chain: FilterChain | undefined;
  /** A set or map being read: its name and the text of its `elements = { ... }`. */
  let set: { name: string; body?: string; depth: number } | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const at = offset + (line.length - line.trimStart().length);
    offset += line.length + 1;
    let m: RegExpExecArray | null;
    if (set) {
      if (set.body !== undefined) {
        set.body += ` ${trimmed}`;
        set.depth += (trimmed.match(/\{/g)?.length ?? 0) - (trimmed.match(/\}/g)?.length ?? 0);
        if (set.depth <= 0) { table?.sets.set(set.name, set.body.replace(/\}\s*$/, '')); set.body = undefined; }
      } else if ((m = /^elements\s*=\s*\{(.*)$/.exec(trimmed))) {
        set.body = m[1];
        set.depth = 1 + (m[1].match(/\{/g)?.length ?? 0) - (m[1].match(/\}/g)?.length ?? 0);
        if (set.depth <= 0) { table?.sets.set(set.name, set.body.replace(/\}\s*$/, '')); set.body = undefined; }
      } else if (trimmed === '}') set = undefined;
    } else if ((m = /^table\s+(\S+)\s+(\S+)\s*\{$/.exec(trimmed))) {
      table = { name: `${m[1]} ${m[2]}`, families: FAMILIES[m[1]] ?? [], sets: new Map(), chains: [], lines: [] };
      tables.push(table);
    } else if (table && (m = /^(?:set|map)\s+(\S+)\s*\{$/.exec(trimmed))) {
      set = { name: m[1], depth: 0 };
    } else if (table && (m = /^chain\s+(\S+)\s*\{$/.exec(trimmed))) {
      chain = { table: table.name, name: unquote(m[1]), priority: 0, policy: 'accept', families: table.families, rules: [], offset: at };
      table.chains.push(chain);
    } else if (chain && table && (m = /^type\s+(\w+)\s+hook\s+(\w+)(?:\s+device\s+\S+)?\s+priority\s+([^;]+);(?:\s*policy\s+(\w+);)?/.exec(trimmed))) {
      if (m[1] === 'filter' && (m[2] === 'input' || m[2] === 'prerouting')) chain.hook = m[2];
      chain.priority = priorityOf(m[3]);
      chain.policy = m[4] === 'drop' ? 'drop' : 'accept';
      chain.offset = at + Math.max(0, trimmed.indexOf('policy'));
    } else if (trimmed === '}') {
      if (chain) chain = undefined;
      else table = undefined;
    } else if (chain && table && trimmed && !trimmed.startsWith('#')) {
      table.lines.push({ chain, text: trimmed, offset: at });
    }
  }
  // Rules are read once every set of their table is known.
  for (const t of tables) for (const { chain: c, text: ruleText, offset: o } of t.lines) c.rules.push(...parseNftRule(ruleText, o, t.sets));
  return { backend: 'nftables', chains: tables.filter((t) => t.families.length > 0).flatMap((t) => t.chains) };
}

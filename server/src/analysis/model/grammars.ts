// Checks for the irregular item grammars of keyword data (`item_grammars`): VIP lines,
// routes, rules, virtual server addresses and FNAT local address ranges.
import type { WordNode } from '../../../../grammar/index.js';
import type { ItemGrammar } from '../../../../grammar/keywords/index.js';
import { parseIp, parseIpPrefix } from '../net/ip.js';

export interface WordProblem {
  word: WordNode;
  message: string;
}

type GrammarCheck = (words: readonly WordNode[], grammar: ItemGrammar) => WordProblem[];

/** Option words of a VIP line that take a value. */
const VIP_VALUE_WORDS = new Set(['dev', 'brd', 'broadcast', 'scope', 'label', 'peer', 'preferred_lft', 'track_group']);

function ipAddressSpec(words: readonly WordNode[], grammar: ItemGrammar): WordProblem[] {
  const [address, ...rest] = words;
  const problems: WordProblem[] = [];
  if (!parseIpPrefix(address.value)) problems.push({ word: address, message: `'${address.value}' is not an IP address; keepalived skips this address` });
  const known = new Set(grammar.words ?? []);
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (!known.has(word.value)) {
      problems.push({ word, message: `'${word.value}' is not an option of an address line (one address per line; options: ${[...known].join(', ')}); keepalived ignores it` });
      continue;
    }
    if (VIP_VALUE_WORDS.has(word.value)) i++;
  }
  return problems;
}

/** Options of route and rule lines whose value is an address. */
const ADDRESS_OPTIONS = new Set(['from', 'to', 'src', 'via', 'gw']);
const ADDRESS_KEYWORDS = new Set(['all', 'default', 'any', 'inet', 'inet6']);

/** Route and rule lines: the destination must be an address, the other words known options or their values. */
function routeOrRule(words: readonly WordNode[], grammar: ItemGrammar): WordProblem[] {
  const known = new Set([...(grammar.words ?? []), ...(grammar.route_types ?? []), ...Object.keys(grammar.deprecated_words ?? {})]);
  const problems: WordProblem[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (known.has(word.value)) continue;
    const previous = words[i - 1]?.value;
    if (previous !== undefined && ADDRESS_OPTIONS.has(previous)) {
      if (!parseIpPrefix(word.value) && !ADDRESS_KEYWORDS.has(word.value)) problems.push({ word, message: `'${word.value}' after '${previous}' is not an address; keepalived skips this line` });
      continue;
    }
    if (previous !== undefined && known.has(previous)) continue; // the value of the previous option
    if (i === 0 || (i === 1 && known.has(words[0].value))) {
      if (!parseIpPrefix(word.value)) problems.push({ word, message: `'${word.value}' is not an address or prefix; keepalived skips this line` });
      continue;
    }
    problems.push({ word, message: `'${word.value}' is not a known option here; keepalived skips this line` });
  }
  return problems;
}

/** `IP[-LAST|/PREFIX] [PORT]` or `fwmark N [inet|inet6]` (virtual_server_group entries). */
function vsgEntry(words: readonly WordNode[]): WordProblem[] {
  const [first, second] = words;
  if (first.value === 'fwmark') {
    return second && /^\d+$/.test(second.value) ? [] : [{ word: second ?? first, message: 'fwmark needs a number' }];
  }
  const problems: WordProblem[] = [];
  const base = first.value.split(/[-/]/)[0];
  if (!parseIp(base)) problems.push({ word: first, message: `'${first.value}' is not an IP address or range` });
  if (second && !/^\d+$/.test(second.value)) problems.push({ word: second, message: `'${second.value}' is not a port number` });
  return problems;
}

/** FNAT local addresses `IP` or `IP-LAST_OCTET`, and DPVS ACL entries. */
function addressRange(words: readonly WordNode[]): WordProblem[] {
  const [first] = words;
  if (first.value.startsWith('ipset:')) return [];
  const [base, last] = first.value.split('-');
  if (!parseIp(base)) return [{ word: first, message: `'${first.value}' is not an IP address or IP-LAST_OCTET range` }];
  if (last !== undefined && !(/^\d+$/.test(last) && Number(last) <= 255) && !parseIp(last)) {
    return [{ word: first, message: `'${first.value}': the range end '${last}' is not a last octet (0..255)` }];
  }
  return [];
}

const CHECKS: Partial<Record<string, GrammarCheck>> = {
  '@ip_address_spec': ipAddressSpec,
  '@route_spec': routeOrRule,
  '@rule_spec': routeOrRule,
  '@vsg_entry': vsgEntry,
  '@laddr': addressRange,
  '@acl_addr': addressRange,
};

export function checkGrammarItem(name: string, grammar: ItemGrammar, words: readonly WordNode[]): WordProblem[] {
  const check = CHECKS[name];
  return check && words.length > 0 ? check(words, grammar) : [];
}

/** First argument of `virtual_server`: IP [PORT] | fwmark N | group NAME (| match NAME in DPVS). */
export function checkVirtualServerAddress(words: readonly WordNode[], dpvs: boolean): WordProblem[] {
  const [first, second] = words;
  if (!first) return [];
  if (first.value === 'group') return [];
  if (first.value === 'match' && dpvs) return [];
  if (first.value === 'fwmark') {
    return second && /^\d+$/.test(second.value) ? [] : [{ word: second ?? first, message: 'fwmark needs a number' }];
  }
  const problems: WordProblem[] = [];
  if (!parseIp(first.value)) problems.push({ word: first, message: `'${first.value}' is not an IP address; keepalived skips this virtual server` });
  if (second && !(/^\d+$/.test(second.value) && Number(second.value) <= 65535)) problems.push({ word: second, message: `'${second.value}' is not a port number` });
  return problems;
}

/** Single-word values typed by a grammar name (`@netmask_or_prefix`, `@status_code`). */
export function checkGrammarValue(name: string | undefined, word: string): string | undefined {
  if (name === '@netmask_or_prefix') {
    if (/^\d+$/.test(word) && Number(word) >= 1 && Number(word) <= 128) return undefined;
    const mask = parseIp(word);
    return mask?.family === 4 ? undefined : `'${word}' is not a netmask or prefix length`;
  }
  if (name === '@status_code') {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(word);
    const inRange = (n: string | undefined) => n === undefined || (Number(n) >= 100 && Number(n) <= 599);
    return m && inRange(m[1]) && inRange(m[2]) ? undefined : `'${word}' is not an HTTP status code or range (100..599)`;
  }
  return undefined;
}

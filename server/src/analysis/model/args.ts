// Binds the words of a line to a keyword's positional arguments and optional words.
import type { WordNode } from '../../../../grammar/index.js';
import type { ArgSpec, OptionSpec, ValueSpec } from '../../../../grammar/keywords/index.js';
import { parseIpPrefix } from '../net/ip.js';

export interface BoundArg {
  name: string;
  spec: ValueSpec;
  word: WordNode;
  /** The option word (`weight` in `weight 10`) when the value belongs to an option. */
  option?: WordNode;
}

export interface ArgBinding {
  bound: BoundArg[];
  /** Mandatory positional arguments with no word; `after` is the last word of the line. */
  missing: Array<{ name: string; after: WordNode }>;
  /** Option words whose value is missing. */
  missingOptionValues: WordNode[];
  /** Words the keyword does not use (keepalived ignores them without a word). */
  extra: WordNode[];
}

/**
 * One frozen empty list shared by every model object that has nothing in a list: big files
 * have ~100k lines, most without children or extra words. Frozen, so a stray push throws.
 */
export const NONE: never[] = Object.freeze([]) as never[];
const orNone = <T>(list: T[]): T[] => (list.length > 0 ? list : NONE);

/** A word only this kind of argument can be: one of an enum's words, or an address. */
function claims(spec: ValueSpec, word: string): boolean {
  if (spec.type === 'enum') return spec.values?.includes(word) ?? false;
  if (spec.type === 'ip' || spec.type === 'ip4' || spec.type === 'ip6' || spec.type === 'ip_prefix') return parseIpPrefix(word) !== undefined;
  return false;
}

/**
 * Handlers with several optional arguments (`use_ipvlan [ifname] [address] [mode]`) tell them
 * apart by their shape, not their place: an optional argument is left out when the word is
 * one a later optional argument claims (`use_ipvlan 10.0.0.5/24 bridge` has no ifname).
 */
function belongsLater(specs: readonly ArgSpec[], from: number, word: string): boolean {
  if (claims(specs[from], word)) return false;
  for (let k = from + 1; k < specs.length && specs[k].optional; k++) if (claims(specs[k], word)) return true;
  return false;
}

export function bindArgs(
  args: readonly ArgSpec[] | undefined,
  options: readonly OptionSpec[] | null | undefined,
  lead: WordNode,
  words: readonly WordNode[],
): ArgBinding {
  const binding: ArgBinding = { bound: [], missing: [], missingOptionValues: [], extra: [] };
  const optionNamed = (w: WordNode | undefined) => (w ? options?.find((o) => o.word === w.value) : undefined);
  let i = 0;
  const specs = args ?? [];
  for (let s = 0; s < specs.length; s++) {
    const spec = specs[s];
    if (spec.repeat) {
      while (i < words.length && !optionNamed(words[i])) binding.bound.push({ name: spec.name, spec, word: words[i++] });
      continue;
    }
    const word = words[i];
    if (!word || (spec.optional && (optionNamed(word) || belongsLater(specs, s, word.value)))) {
      if (!spec.optional) binding.missing.push({ name: spec.name, after: words[words.length - 1] ?? lead });
      continue;
    }
    binding.bound.push({ name: spec.name, spec, word });
    i++;
  }
  while (i < words.length) {
    const option = optionNamed(words[i]);
    if (!option) {
      binding.extra.push(words[i++]);
      continue;
    }
    const optionWord = words[i++];
    if (!option.value) continue;
    const value = words[i];
    if (!value) {
      binding.missingOptionValues.push(optionWord);
      break;
    }
    binding.bound.push({ name: option.word, spec: option.value, word: value, option: optionWord });
    i++;
  }
  // Exact-size copies: bindings are cached on their nodes for the whole lint.
  return { bound: binding.bound.length > 0 ? binding.bound.slice() : NONE, missing: orNone(binding.missing), missingOptionValues: orNone(binding.missingOptionValues), extra: orNone(binding.extra) };
}

export function boundWord(binding: ArgBinding, name: string): WordNode | undefined {
  return binding.bound.find((b) => b.name === name)?.word;
}

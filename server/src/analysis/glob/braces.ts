// `{a,b}` alternatives of glob patterns, expanded like glob(3) with GLOB_BRACE (keepalived's
// include): `{a}` is `a`, an unmatched `{` leaves the whole pattern unexpanded, nesting works.
// One pass pairs the braces, so the work is linear in the pattern plus the (bounded) output.

/** Deepest brace nesting expanded; deeper patterns are refused, not recursed into. */
export const MAX_BRACE_DEPTH = 32;

export type BraceExpansion = { patterns: string[] } | { problem: string };

/** A literal, or a choice among alternatives (each a sequence of parts). */
type Part = string | Part[][];

/** Index of the `}` closing each paired `{` (escaped braces skipped), or undefined when one is unpaired. */
function pairBraces(pattern: string): { close: Map<number, number>; depth: number } | undefined {
  const close = new Map<number, number>();
  const open: number[] = [];
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') {
      open.push(i);
      depth = Math.max(depth, open.length);
    } else if (c === '}' && open.length > 0) close.set(open.pop()!, i);
  }
  return open.length > 0 ? undefined : { close, depth };
}

/** Parts of `pattern[from, to)`, splitting on top-level commas when `alternatives`. */
function parse(pattern: string, from: number, to: number, close: Map<number, number>): Part[][] {
  const alternatives: Part[][] = [[]];
  let literal = '';
  const flush = () => {
    if (literal) alternatives[alternatives.length - 1].push(literal);
    literal = '';
  };
  for (let i = from; i < to; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < to) {
      literal += pattern.slice(i, i + 2);
      i++;
    } else if (c === '{' && close.has(i)) {
      flush();
      const end = close.get(i)!;
      alternatives[alternatives.length - 1].push(parse(pattern, i + 1, end, close));
      i = end;
    } else if (c === ',') {
      flush();
      alternatives.push([]);
    } else literal += c;
  }
  flush();
  return alternatives;
}

/** Every string of a sequence of parts; undefined past `limit`. */
function expand(sequence: Part[], limit: number): string[] | undefined {
  let out = [''];
  for (const part of sequence) {
    if (typeof part === 'string') {
      out = out.map((prefix) => prefix + part);
      continue;
    }
    const choices: string[] = [];
    for (const alternative of part) {
      const strings = expand(alternative, limit);
      if (!strings || choices.length + strings.length > limit) return undefined;
      choices.push(...strings);
    }
    if (out.length * choices.length > limit) return undefined;
    out = out.flatMap((prefix) => choices.map((choice) => prefix + choice));
  }
  return out;
}

/** The patterns `pattern` stands for, left to right, at most `limit` of them. */
export function expandBraces(pattern: string, limit: number): BraceExpansion {
  const paired = pairBraces(pattern);
  if (!paired || paired.close.size === 0) return { patterns: [pattern] };
  if (paired.depth > MAX_BRACE_DEPTH) return { problem: `its braces are nested more than ${MAX_BRACE_DEPTH} deep` };
  // The top level is one sequence: its commas are literal.
  const top: Part[] = [];
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (paired.close.has(i)) {
      if (i > start) top.push(pattern.slice(start, i));
      top.push(parse(pattern, i + 1, paired.close.get(i)!, paired.close));
      i = paired.close.get(i)!;
      start = i + 1;
    }
  }
  if (start < pattern.length) top.push(pattern.slice(start));
  const patterns = expand(top, limit);
  return patterns ? { patterns } : { problem: `its braces stand for more than ${limit} patterns` };
}

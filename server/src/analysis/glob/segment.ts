// One path segment of a glob(3) pattern: `*`, `?`, `[...]` (with `!`/`^` negation and ranges)
// and backslash escapes. Matched by the two-pointer wildcard algorithm, never by a regular
// expression built from the pattern: a mismatch only moves back to the last `*`, so a name is
// matched in at most (name length × tokens after the last `*`) steps, whatever the pattern.

type Token =
  | { kind: 'char'; code: number }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; ranges: Array<[number, number]> };

/** Something wrong with a pattern, at `offset` (UTF-16 index into the pattern). */
export interface PatternIssue {
  message: string;
  offset: number;
  length: number;
}

export interface SegmentPattern {
  tokens: Token[];
  /** Characters a name needs at least (the tokens other than `*`). */
  minLength: number;
  hasStar: boolean;
  /** Like glob(3) without GLOB_PERIOD: a leading dot is matched only by a literal dot. */
  literalDot: boolean;
  /** The first reversed range (it matches nothing) or `[` without `]` (taken literally). */
  issue?: PatternIssue;
}

const code = (s: string, i: number) => s.codePointAt(i)!;
const width = (c: number) => (c > 0xffff ? 2 : 1);

/** Whether a segment holds an unescaped `*`, `?` or `[`. */
export function hasMagic(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Removes the backslashes of a segment without magic. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/\\(.)/gsu, '$1');
}

/** The class starting at `open` (a `[`) and the index after its `]`, or undefined when unterminated. */
function bracketClass(segment: string, open: number, base: number): { token: Token; next: number; issue?: PatternIssue } | undefined {
  let i = open + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i++;
  const ranges: Array<[number, number]> = [];
  let issue: PatternIssue | undefined;
  for (let first = true; i < segment.length; first = false) {
    if (segment[i] === ']' && !first) return { token: { kind: 'class', negated, ranges }, next: i + 1, issue };
    const from = i;
    if (segment[i] === '\\' && i + 1 < segment.length) i++;
    const low = code(segment, i);
    i += width(low);
    if (segment[i] !== '-' || i + 1 >= segment.length || segment[i + 1] === ']') {
      ranges.push([low, low]);
      continue;
    }
    i++;
    if (segment[i] === '\\' && i + 1 < segment.length) i++;
    const high = code(segment, i);
    i += width(high);
    if (high >= low) ranges.push([low, high]);
    else issue ??= { message: `the range '${segment.slice(from, i)}' is reversed, so it matches nothing`, offset: base + from, length: i - from };
  }
  return undefined;
}

/** Compiles one segment (no `/`); `base` is its offset in the whole pattern, for issues. */
export function compileSegment(segment: string, base = 0): SegmentPattern {
  const tokens: Token[] = [];
  let issue: PatternIssue | undefined;
  // Past an unterminated `[`, no later `[` can find a `]` either: no need to look again.
  let unterminated = false;
  let cls: ReturnType<typeof bracketClass>;
  for (let i = 0; i < segment.length;) {
    const c = segment[i];
    if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
      i++;
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
      i++;
    } else if (c === '[' && !unterminated && (cls = bracketClass(segment, i, base))) {
      issue ??= cls.issue;
      tokens.push(cls.token);
      i = cls.next;
    } else {
      if (c === '[' && !unterminated) {
        unterminated = true;
        issue ??= { message: "'[' has no closing ']', so it is taken literally", offset: base + i, length: 1 };
      }
      if (c === '\\' && i + 1 < segment.length) i++;
      const char = code(segment, i);
      tokens.push({ kind: 'char', code: char });
      i += width(char);
    }
  }
  const minLength = tokens.filter((t) => t.kind !== 'star').length;
  const first = tokens[0];
  return { tokens, minLength, hasStar: minLength < tokens.length, literalDot: first?.kind === 'char' && first.code === 0x2e, issue };
}

function matchesOne(token: Token, c: number): boolean {
  if (token.kind === 'any') return true;
  if (token.kind === 'char') return token.code === c;
  if (token.kind === 'class') return token.ranges.some(([low, high]) => c >= low && c <= high) !== token.negated;
  return false;
}

/**
 * The two-pointer wildcard algorithm over any tokens and items: a star token takes any number
 * of items, every other token exactly one. A mismatch moves back to the last star only, which
 * then takes one more item, so the work is at most items × (tokens after the last star).
 */
export function matchWildcards<T, I>(tokens: readonly T[], items: readonly I[], isStar: (token: T) => boolean, matches: (token: T, item: I) => boolean): boolean {
  let t = 0;
  let n = 0;
  let starT = -1;
  let starN = 0;
  while (n < items.length) {
    if (t < tokens.length && isStar(tokens[t])) {
      starT = t++;
      starN = n;
    } else if (t < tokens.length && matches(tokens[t], items[n])) {
      t++;
      n++;
    } else if (starT >= 0) {
      t = starT + 1;
      n = ++starN;
    } else return false;
  }
  while (t < tokens.length && isStar(tokens[t])) t++;
  return t === tokens.length;
}

const isStarToken = (token: Token) => token.kind === 'star';

/** Whether `name` (one path segment) matches the compiled segment. */
export function matchSegment(pattern: SegmentPattern, name: string): boolean {
  if (name.startsWith('.') && !pattern.literalDot) return false;
  const chars = Array.from(name, (c) => c.codePointAt(0)!);
  if (chars.length < pattern.minLength || (!pattern.hasStar && chars.length !== pattern.minLength)) return false;
  return matchWildcards(pattern.tokens, chars, isStarToken, matchesOne);
}

/** A matcher for one path segment. */
export function segmentMatcher(segment: string): (name: string) => boolean {
  const pattern = compileSegment(segment);
  return (name) => matchSegment(pattern, name);
}

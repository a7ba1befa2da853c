// Pure parts of glob(3)-style patterns: brace expansion and matching one path segment.
// Kept apart from the directory walk so both can be tested without a file system.

const MAGIC = /[*?[]/;

/** Whether a segment holds an unescaped `*`, `?` or `[`. */
export function hasMagic(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\') i++;
    else if (MAGIC.test(c)) return true;
  }
  return false;
}

/** Removes the backslashes of a segment without magic. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/\\(.)/g, '$1');
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The comma-separated alternatives between braces, at the top nesting level. */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

/**
 * Expands `{a,b}` alternatives (nested too), left to right like GLOB_BRACE. A `{` without
 * a matching `}` or without a comma stays literal. Returns undefined past `limit` results.
 */
export function expandBraces(pattern: string, limit: number): string[] | undefined {
  const out: string[] = [];
  const pending = [pattern];
  while (pending.length > 0) {
    const current = pending.shift()!;
    let expanded = false;
    for (let i = 0; i < current.length; i++) {
      const c = current[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c !== '{') continue;
      const close = closingBrace(current, i);
      if (close < 0) break;
      const choices = alternatives(current.slice(i + 1, close));
      if (choices.length < 2) continue;
      const before = current.slice(0, i);
      const after = current.slice(close + 1);
      pending.unshift(...choices.map((choice) => before + choice + after));
      expanded = true;
      break;
    }
    if (expanded) {
      if (pending.length + out.length > limit) return undefined;
      continue;
    }
    out.push(current);
    if (out.length > limit) return undefined;
  }
  return out;
}

const escapeRegex = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Translates `[...]` starting at `open`; returns the regex text and the index after `]`. */
function bracketClass(segment: string, open: number): { regex: string; next: number } | undefined {
  let i = open + 1;
  let negated = false;
  if (segment[i] === '!' || segment[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < segment.length; i++) {
    let c = segment[i];
    if (c === ']' && !first) return { regex: `[${negated ? '^' : ''}${body}]`, next: i + 1 };
    first = false;
    if (c === '\\' && i + 1 < segment.length) c = segment[++i];
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      let end = segment[i + 2];
      i += 2;
      if (end === '\\' && i + 1 < segment.length) end = segment[++i];
      if (end >= c) body += `${escapeRegex(c)}-${escapeRegex(end)}`;
      continue;
    }
    body += escapeRegex(c);
  }
  return undefined;
}

/** A matcher for one path segment: `*`, `?`, `[...]`, backslash escapes. */
export function segmentMatcher(segment: string): (name: string) => boolean {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) source += escapeRegex(segment[++i]);
    else if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const cls = bracketClass(segment, i);
      if (cls) {
        source += cls.regex;
        i = cls.next - 1;
      } else source += '\\[';
    } else source += escapeRegex(c);
  }
  const regex = new RegExp(`^${source}$`, 's');
  // Like glob(3) without GLOB_PERIOD: a leading dot must be matched by a literal dot.
  const literalDot = segment.startsWith('.') || segment.startsWith('\\.');
  return (name) => (literalDot || !name.startsWith('.')) && regex.test(name);
}

// Globs over whole paths: braces first, then one compiled pattern per `/`-separated segment.
// With `globstar`, a `**` segment stands for any number of directories (none included);
// elsewhere `**` is `*`. The `configs:` of keepalived-lint.yaml match config paths this way,
// and the directory walk (server/src/node/glob.ts) uses the same pieces.
import { expandBraces } from './braces.js';
import { compileSegment, matchSegment, matchWildcards, type PatternIssue, type SegmentPattern } from './segment.js';

/** Longer patterns are refused (PATH_MAX; keepalived reads lines of at most 1024 bytes anyway). */
export const MAX_PATTERN_LENGTH = 4096;
/** Most patterns one glob's braces may stand for (the include match limit). */
export const MAX_ALTERNATIVES = 1000;

/** A pattern in messages: cut short, so a hostile one is not echoed whole. */
export function quotePattern(pattern: string): string {
  return `'${pattern.length > 80 ? `${pattern.slice(0, 77)}...` : pattern}'`;
}

/** The patterns of a glob, or why it is not expanded at all (too long, braces past the bounds). */
export function globAlternatives(glob: string): { patterns: string[] } | { issue: PatternIssue } {
  if (glob.length > MAX_PATTERN_LENGTH) return { issue: { message: `it is longer than ${MAX_PATTERN_LENGTH} characters`, offset: 0, length: glob.length } };
  const expanded = expandBraces(glob, MAX_ALTERNATIVES);
  if ('problem' in expanded) return { issue: { message: expanded.problem, offset: Math.max(0, glob.indexOf('{')), length: 1 } };
  return expanded;
}

/** The `/`-separated parts of a pattern that name something (not empty, not `.`), with their offsets. */
export function patternSegments(pattern: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const text of pattern.split('/')) {
    if (text !== '' && text !== '.') out.push({ text, offset });
    offset += text.length + 1;
  }
  return out;
}

/** The first thing wrong with a glob: bounds, a reversed range, a `[` without `]`. */
export function patternIssue(glob: string): PatternIssue | undefined {
  const alternatives = globAlternatives(glob);
  if ('issue' in alternatives) return alternatives.issue;
  for (const { text, offset } of patternSegments(glob)) {
    const { issue } = compileSegment(text, offset);
    if (issue) return issue;
  }
  return undefined;
}

type Step = SegmentPattern | 'globstar';

const isGlobstar = (step: Step) => step === 'globstar';
const matchesName = (step: Step, name: string) => step !== 'globstar' && matchSegment(step, name);

/**
 * A matcher for `/`-separated paths (relative ones, for `configs:`); undefined when the glob
 * has an issue (it then matches nothing, and the issue is reported where the glob is read).
 * Without `globstar` (keepalived's own globs), `**` is `*`.
 */
export function pathMatcher(glob: string, { globstar = true } = {}): ((path: string) => boolean) | undefined {
  if (patternIssue(glob)) return undefined;
  const alternatives = globAlternatives(glob);
  if ('issue' in alternatives) return undefined;
  const compiled = alternatives.patterns.map((pattern) =>
    patternSegments(pattern).map(({ text }): Step => (text === '**' && globstar ? 'globstar' : compileSegment(text))));
  return (path) => {
    const names = path.split('/').filter((name) => name !== '' && name !== '.');
    // Segments for characters: a `**` step takes any number of names, like `*` takes characters.
    return compiled.some((steps) => matchWildcards(steps, names, isGlobstar, matchesName));
  };
}

// glob(3)-style expansion over the real file system, bounded in matches, in directories listed
// and by the lint root: a directory outside `root` is never listed. Include patterns use
// keepalived's semantics (`*` `?` `[..]` `{a,b}`, no `**`); the CLI's own file arguments and
// the `configs:` of keepalived-lint.yaml may also use `**`, which walks directories with loop
// protection.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { globAlternatives, patternSegments } from '../analysis/glob/path-pattern.js';
import { compileSegment, hasMagic, matchSegment, unescapeSegment, type PatternIssue } from '../analysis/glob/segment.js';
import { isInside } from './root-guard.js';

/** Most directories one expansion lists. */
export const DEFAULT_MAX_DIRECTORIES = 10_000;

export interface GlobOptions {
  /** Directory that relative patterns start from. */
  cwd: string;
  /** Stop after this many paths (the answer is then `tooMany: 'matches'`). */
  maxResults: number;
  /** Stop after listing this many directories (`tooMany: 'directories'`); 10,000 by default. */
  maxDirectories?: number;
  /** Directories outside it (symbolic links resolved) are not listed; everywhere when undefined. */
  root?: string;
  /** Treat a `**` segment as any number of directories (not glob(3) behaviour). */
  globstar?: boolean;
  /** Deepest `**` recursion. */
  maxDepth?: number;
  /** Leave out directories a wildcard matches, as keepalived does (GLOB_MARK, then skipped). */
  skipDirectories?: boolean;
}

export type GlobResult =
  /** `outside`: the first directory left unlisted because it lies outside the root. */
  | { paths: string[]; outside?: string }
  | { tooMany: 'matches' | 'directories' }
  /** Too long, or braces past the bounds: nothing was expanded. */
  | { invalid: PatternIssue };

class TooMany extends Error {
  constructor(readonly what: 'matches' | 'directories') {
    super(what);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

class Walker {
  readonly found = new Set<string>();
  outside: string | undefined;
  private listed = 0;

  constructor(private readonly options: GlobOptions) {}

  private add(path: string): void {
    this.found.add(path);
    if (this.found.size > this.options.maxResults) throw new TooMany('matches');
  }

  /** The names in `dir`, sorted; none for a directory outside the root. */
  private entries(dir: string): string[] {
    if (this.options.root !== undefined && !isInside(this.options.root, dir)) {
      this.outside ??= dir;
      return [];
    }
    if (++this.listed > (this.options.maxDirectories ?? DEFAULT_MAX_DIRECTORIES)) throw new TooMany('directories');
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  }

  /** Matches `segments[index..]` below `dir`; `visited` holds real paths on the `**` chain. */
  walk(dir: string, segments: string[], index: number, visited: ReadonlySet<string>, depth: number): void {
    if (index === segments.length) {
      if (exists(dir)) this.add(dir);
      return;
    }
    const segment = segments[index];
    const last = index === segments.length - 1;
    if (segment === '**' && this.options.globstar) {
      this.globstar(dir, segments, index, visited, depth);
      return;
    }
    if (!hasMagic(segment)) {
      this.walk(join(dir, unescapeSegment(segment)), segments, index + 1, visited, depth);
      return;
    }
    const pattern = compileSegment(segment);
    for (const name of this.entries(dir)) {
      if (!matchSegment(pattern, name)) continue;
      const path = join(dir, name);
      if (last) {
        if (!this.options.skipDirectories || !isDirectory(path)) this.add(path);
      } else if (isDirectory(path)) this.walk(path, segments, index + 1, visited, depth);
    }
  }

  private globstar(dir: string, segments: string[], index: number, visited: ReadonlySet<string>, depth: number): void {
    // `**` matches zero directories ...
    this.walk(dir, segments, index + 1, visited, depth);
    if (depth >= (this.options.maxDepth ?? 32)) return;
    // ... or descends, never into a directory already on this chain (symlink loops).
    for (const name of this.entries(dir)) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (!isDirectory(path)) continue;
      let real: string;
      try {
        real = realpathSync.native(path);
      } catch {
        continue;
      }
      if (visited.has(real)) continue;
      this.globstar(path, segments, index, new Set([...visited, real]), depth + 1);
    }
  }
}

/** Expands a pattern to existing paths, sorted, absolute when `cwd` is. */
export function expandGlob(pattern: string, options: GlobOptions): GlobResult {
  const alternatives = globAlternatives(pattern);
  if ('issue' in alternatives) return { invalid: alternatives.issue };
  if (alternatives.patterns.length > options.maxResults) return { tooMany: 'matches' };
  const walker = new Walker(options);
  try {
    for (const one of alternatives.patterns) {
      const start = isAbsolute(one) ? '/' : resolve(options.cwd);
      let startReal = start;
      try {
        startReal = realpathSync.native(start);
      } catch {
        // A missing start directory simply matches nothing.
      }
      walker.walk(start, patternSegments(one).map((s) => s.text), 0, new Set([startReal]), 0);
    }
  } catch (error) {
    if (error instanceof TooMany) return { tooMany: error.what };
    throw error;
  }
  const paths = [...walker.found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return walker.outside === undefined ? { paths } : { paths, outside: walker.outside };
}

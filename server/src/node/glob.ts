// glob(3)-style expansion over the real file system, bounded in results and depth.
// Include patterns use keepalived's semantics (`*` `?` `[..]` `{a,b}`, no `**`); the CLI's
// own file arguments may also use `**`, which walks directories with loop protection.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { expandBraces, hasMagic, segmentMatcher, unescapeSegment } from './glob-pattern.js';

export interface GlobOptions {
  /** Directory that relative patterns start from. */
  cwd: string;
  /** Stop after this many paths (the answer is then `tooMany`). */
  maxResults: number;
  /** Treat a `**` segment as any number of directories (not glob(3) behaviour). */
  globstar?: boolean;
  /** Deepest `**` recursion. */
  maxDepth?: number;
}

export type GlobResult = { paths: string[] } | { tooMany: true };

class TooMany extends Error {}

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

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

class Walker {
  readonly found = new Set<string>();

  constructor(private readonly options: GlobOptions) {}

  private add(path: string): void {
    this.found.add(path);
    if (this.found.size > this.options.maxResults) throw new TooMany();
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
    const matches = segmentMatcher(segment);
    for (const name of entries(dir).sort()) {
      if (!matches(name)) continue;
      const path = join(dir, name);
      if (last) this.add(path);
      else if (isDirectory(path)) this.walk(path, segments, index + 1, visited, depth);
    }
  }

  private globstar(dir: string, segments: string[], index: number, visited: ReadonlySet<string>, depth: number): void {
    // `**` matches zero directories ...
    this.walk(dir, segments, index + 1, visited, depth);
    if (depth >= (this.options.maxDepth ?? 32)) return;
    // ... or descends, never into a directory already on this chain (symlink loops).
    for (const name of entries(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (!isDirectory(path)) continue;
      let real: string;
      try {
        real = realpathSync(path);
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
  const patterns = expandBraces(pattern, options.maxResults);
  if (!patterns) return { tooMany: true };
  const walker = new Walker(options);
  try {
    for (const one of patterns) {
      const absolute = isAbsolute(one);
      const start = absolute ? '/' : resolve(options.cwd);
      const segments = one.split('/').filter((s) => s !== '' && s !== '.');
      let startReal = start;
      try {
        startReal = realpathSync(start);
      } catch {
        // A missing start directory simply matches nothing.
      }
      walker.walk(start, segments, 0, new Set([startReal]), 0);
    }
  } catch (error) {
    if (error instanceof TooMany) return { tooMany: true };
    throw error;
  }
  return { paths: [...walker.found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
}

// Glob patterns meant to make a matcher or a directory walk blow up: wildcard walks from /,
// star runs that drive a backtracking matcher exponential, brace bombs, broken brackets.
// The fuzzer puts them in `include` lines; bench/fuzz.mjs also times each against the real
// file system and as a `configs:` glob, and prints the times (they are not asserted anywhere).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathMatcher } from '../../server/src/analysis/glob/path-pattern.js';
import { expandGlob } from '../../server/src/node/glob.js';

export const HOSTILE_GLOBS: ReadonlyArray<readonly [name: string, pattern: string]> = [
  ['deep-walk-from-root', '/*/*/*/*/*/*/*/*/*/*/*/*/nomatch'],
  ['etc-listing', '/etc/*'],
  ['star-run', `${'*a'.repeat(40)}*b`],
  ['globstar-run', `${'**a'.repeat(30)}**b`],
  ['bracket-run', `${'[a-z]'.repeat(300)}*`],
  ['reversed-range', '[z-a].conf'],
  ['unterminated-brackets', '['.repeat(4000)],
  ['brace-bomb', '{a,b}'.repeat(40)],
  ['brace-nesting', `${'{a,'.repeat(1000)}${'}'.repeat(1000)}`],
  ['unmatched-braces', '{'.repeat(4000)],
  ['backslashes', '\\'.repeat(4001)],
  ['overlong', 'x/'.repeat(3000)],
  ['dot-dot-escape', `${'../'.repeat(50)}*`],
  ['many-segments', `${'*/'.repeat(1000)}x`],
];

/** Names a star-heavy pattern almost matches: long runs of `a`. */
export const LONG_NAMES = Array.from({ length: 20 }, (_, i) => `${'a'.repeat(200)}${i}`);

/** Files with long names in `dir`, for the hostile globs to be matched against. */
export function longNameFiles(dir: string): Record<string, string> {
  return Object.fromEntries(LONG_NAMES.map((name) => [`${dir}/${name}`, '']));
}

function timed(run: () => unknown): { ms: number; outcome: string } {
  const started = performance.now();
  const result = run();
  const outcome = JSON.stringify(result, (key, value) => (key === 'paths' ? `${value.length} paths` : value)).slice(0, 70);
  return { ms: performance.now() - started, outcome };
}

/**
 * How long each hostile glob takes: expanded inside a directory of long names with that
 * directory as the lint root, expanded with no root (outside-root includes allowed; only the
 * 10,000-directory cap bounds it), and matched as a `configs:` glob against a long path.
 */
export function timeHostileGlobs(): Array<{ name: string; rooted: string; unrooted: string; configs: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kl-hostile-globs-'));
  try {
    for (const name of LONG_NAMES) writeFileSync(join(dir, name), '');
    const longPath = `${'a'.repeat(200)}/${'a'.repeat(200)}/keepalived.conf`;
    const show = ({ ms, outcome }: { ms: number; outcome: string }) => `${ms.toFixed(1)} ms ${outcome}`;
    return HOSTILE_GLOBS.map(([name, pattern]) => ({
      name,
      rooted: show(timed(() => expandGlob(pattern, { cwd: dir, root: dir, maxResults: 1000, skipDirectories: true }))),
      unrooted: show(timed(() => expandGlob(pattern, { cwd: dir, maxResults: 1000, skipDirectories: true }))),
      configs: show(timed(() => pathMatcher(pattern)?.(longPath) ?? 'invalid')),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The workspace model the CLI and the language server share: which configs a file is checked
// with, and how. A file is linted together with the configs that may include it (keepalived
// reads a fragment only as part of its includer) and with the configs of its keepalived-lint.yaml
// (the peers the pair and parameter rules compare it with); files are read from `texts` first
// (stdin, open editor buffers, fixed texts), from the host otherwise. So `keepalived-lint
// FILE`, `--stdin --stdin-filename FILE`, the whole-directory run and the editor give the same
// diagnostics for FILE.
import type { IncludeHost } from '../../../grammar/includes.js';
import { contextTargets, IncluderSearch } from './includers.js';
import { lintAll, type AllResults } from './lint-all.js';
import type { LintCache } from './lint-cache.js';
import { includedTargets, type LintTarget, type TargetConfig } from './lint-target.js';

export interface ContextOptions {
  /** Reads files inside the root (the texts in `texts` win). */
  host: IncludeHost;
  texts: ReadonlyMap<string, string>;
  /** The lint root of a config: no includer or peer is looked for outside it; undefined: none at all. */
  rootOf(config: TargetConfig): string | undefined;
  /** Sets a config found for context up for linting (its settings and workspace file). */
  toTarget(path: string): LintTarget;
  /** Directory listings and workspace globs already expanded. */
  search?: IncluderSearch;
  /** Lint results to reuse (the language server's, across edits). */
  cache?: LintCache;
}

export interface ContextLint {
  /** Every config linted: the named ones and those found for context. */
  targets: LintTarget[];
  /** The targets linted on their own: those another target includes are linted only as part of it. */
  linted: LintTarget[];
  /** Results of `linted`, compared per workspace file. */
  all: AllResults;
  /** The files whose problems are reported: the named files and everything they include. */
  reportedFiles: Set<string>;
}

/** Lints the named configs in their context: their possible includers and their workspace's peers. */
export function lintInContext(named: readonly LintTarget[], options: ContextOptions): ContextLint {
  const { host, texts, cache } = options;
  const search = options.search ?? new IncluderSearch();
  const rooted = named.filter((target) => options.rootOf(target.config) !== undefined);
  const targets = [...named, ...contextTargets(rooted, host, (config) => options.rootOf(config)!, options.toTarget, search)];
  const first = lintAll(targets, host, texts, cache);
  const covered = includedTargets(targets, first.results);
  const linted = targets.filter((target) => !covered.has(target.path));
  const reportedFiles = new Set(named.flatMap((target) => [...first.results.get(target.path)!.texts.keys()]));
  // Without the fragments, which their includers already brought in, the pair rules see each config once.
  const all = covered.size > 0 ? lintAll(linted, host, texts, cache) : first;
  return { targets, linted, all, reportedFiles };
}

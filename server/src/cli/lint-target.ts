// Linting one file named on the command line, with its includes read through the file host
// (or from `texts`, which hold stdin and the fixed texts of --fix).
import type { IncludeHost } from '../../../grammar/includes.js';
import type { HostFacts } from '../analysis/host/context.js';
import { lint, type LintResult } from '../analysis/lint.js';
import type { Diagnostic } from '../analysis/types.js';
import type { ResolvedConfig } from './config.js';
import { FatalError } from './errors.js';
import { INTERNAL_ERROR } from './pseudo-rules.js';

export interface LintTarget {
  /** Absolute path. */
  path: string;
  config: ResolvedConfig;
  /** Facts of the host this file runs on (from `config.workspace`), for host-fact rules. */
  facts?: HostFacts;
}

export interface TargetResult {
  diagnostics: Diagnostic[];
  /** Texts of the file and everything it included, by path. */
  texts: Map<string, string>;
  /** Files with a syntax error (from the parse or the syntax-error rule): --fix never writes them. */
  syntaxErrorFiles: Set<string>;
  /** Whether the linter itself failed. */
  crashed: boolean;
  /** The full lint result (for workspace rules); absent when the linter failed. */
  lint?: LintResult;
}

/** Reads `texts` first, the host otherwise. */
export function overlayHost(base: IncludeHost, texts: ReadonlyMap<string, string>): IncludeHost {
  return {
    glob: (pattern, fromPath, root) => base.glob(pattern, fromPath, root),
    read: (path) => {
      const text = texts.get(path);
      return text !== undefined ? { text } : base.read(path);
    },
  };
}

/** The text of a file to lint; a file that cannot be read ends the run. */
export function readTarget(path: string, host: IncludeHost, texts: ReadonlyMap<string, string>): string {
  const known = texts.get(path);
  if (known !== undefined) return known;
  const read = host.read(path);
  if ('problem' in read) throw new FatalError(`cannot lint ${path}: ${read.problem.message}`);
  return read.text;
}

const describe = (error: unknown) => (error instanceof Error ? error.stack ?? error.message : String(error));

export function lintTarget(target: LintTarget, host: IncludeHost, texts: ReadonlyMap<string, string>): TargetResult {
  const text = readTarget(target.path, host, texts);
  try {
    const files = overlayHost(host, texts);
    const result = lint({ path: target.path, text, settings: target.config.settings, files, facts: target.facts });
    const syntaxErrorFiles = new Set(result.parse.issues.map((issue) => result.parse.files[issue.span.file]?.path ?? target.path));
    for (const d of result.diagnostics) if (d.rule === 'syntax-error') syntaxErrorFiles.add(d.path);
    return { diagnostics: result.diagnostics, texts: result.texts, syntaxErrorFiles, crashed: result.diagnostics.some((d) => d.rule === INTERNAL_ERROR), lint: result };
  } catch (error) {
    const diagnostic: Diagnostic = { path: target.path, start: 0, end: 0, rule: INTERNAL_ERROR, severity: 'error', message: `keepalived-lint failed on this file: ${describe(error).split('\n')[0]}` };
    // Without a parse nothing is known to be safe to rewrite.
    return { diagnostics: [diagnostic], texts: new Map([[target.path, text]]), syntaxErrorFiles: new Set([target.path]), crashed: true };
  }
}

/**
 * Targets that another target includes are linted only as part of it: read on their own,
 * a fragment (`real_server` blocks, say) would be checked out of context.
 */
export function includedTargets(targets: readonly LintTarget[], results: ReadonlyMap<string, TargetResult>): Set<string> {
  const covered = new Set<string>();
  for (const target of targets) {
    const includer = targets.find((other) => other.path !== target.path && !covered.has(other.path) && results.get(other.path)?.texts.has(target.path));
    if (includer) covered.add(target.path);
  }
  return covered;
}

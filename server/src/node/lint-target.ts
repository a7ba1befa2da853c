// Linting one config of the workspace model (a file named on the command line, an editor
// buffer, or a config linted for context), with its includes read through the file host (or
// from `texts`: stdin, open buffers, the fixed texts of --fix).
import type { IncludeHost } from '../../../grammar/includes.js';
import type { HostFacts } from '../analysis/host/context.js';
import type { WorkspaceFile } from '../analysis/host/from-workspace.js';
import { lint, type LintResult } from '../analysis/lint.js';
import type { LintSettings } from '../analysis/settings.js';
import type { Diagnostic } from '../analysis/types.js';
import { FatalError } from './fatal-error.js';

/** Rule id of the diagnostic that says the linter itself failed on a file. */
export const INTERNAL_ERROR = 'internal-error';

/** A keepalived-lint.yaml as read (from disk or an editor buffer). */
export interface LoadedWorkspace {
  /** Absolute path of the file. */
  path: string;
  text: string;
  /** SHA-256 of the file's bytes as read from disk (absent for an editor buffer). */
  sha256?: string;
  /** Settings, host facts and `configs:` globs, for host-fact and workspace rules. */
  workspace: WorkspaceFile;
}

/** What applies to a config: merged settings and its workspace file. */
export interface TargetConfig {
  settings: Partial<LintSettings>;
  workspace?: LoadedWorkspace;
}

export interface LintTarget {
  /** Absolute path. */
  path: string;
  config: TargetConfig;
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

/** A lint result as a target's result. */
export function targetResult(path: string, result: LintResult): TargetResult {
  const syntaxErrorFiles = new Set(result.parse.issues.map((issue) => result.parse.files[issue.span.file]?.path ?? path));
  for (const d of result.diagnostics) if (d.rule === 'syntax-error') syntaxErrorFiles.add(d.path);
  return { diagnostics: result.diagnostics, texts: result.texts, syntaxErrorFiles, crashed: result.diagnostics.some((d) => d.rule === INTERNAL_ERROR), lint: result };
}

const describe = (error: unknown) => (error instanceof Error ? error.stack ?? error.message : String(error));

export function lintTarget(target: LintTarget, host: IncludeHost, texts: ReadonlyMap<string, string>): TargetResult {
  const text = readTarget(target.path, host, texts);
  try {
    const files = overlayHost(host, texts);
    return targetResult(target.path, lint({ path: target.path, text, settings: target.config.settings, files, facts: target.facts }));
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

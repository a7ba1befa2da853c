// Lints every target with the facts of the host it runs on, then runs the workspace rules
// (deployment parameters, VRRP pairs) per workspace file. Texts in `texts` (stdin, fixed
// texts) win over the disk, the workspace file's included: a fixed keepalived-lint.yaml is
// read again, so a fix that swaps parameters is seen by the next pass.
import type { IncludeHost } from '../../../grammar/includes.js';
import type { LintResult } from '../analysis/lint.js';
import type { Diagnostic } from '../analysis/types.js';
import { checkWorkspace } from '../analysis/workspace.js';
import { readWorkspaceFile, type WorkspaceFile } from '../analysis/host/from-workspace.js';
import { hostMatcher } from './workspace-facts.js';
import type { LintCache } from './lint-cache.js';
import { lintTarget, overlayHost, type LintTarget, type TargetResult } from './lint-target.js';

export interface AllResults {
  results: Map<string, TargetResult>;
  /** Diagnostics of workspace rules, in configs and in workspace files. */
  workspaceDiagnostics: Diagnostic[];
  /** Every diagnostic and text, for the fix loop. */
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
}

function currentWorkspace(target: LintTarget, texts: ReadonlyMap<string, string>): WorkspaceFile | undefined {
  const loaded = target.config.workspace;
  if (!loaded) return undefined;
  const text = texts.get(loaded.path);
  return text === undefined || text === loaded.text ? loaded.workspace : readWorkspaceFile(loaded.path, text);
}

/** Lints `targets` (reusing results of `cache` whose inputs did not change) and compares them per workspace file. */
export function lintAll(targets: readonly LintTarget[], host: IncludeHost, texts: ReadonlyMap<string, string>, cache?: LintCache): AllResults {
  const results = new Map<string, TargetResult>();
  const files = overlayHost(host, texts);
  const byWorkspace = new Map<string, { workspace: WorkspaceFile; results: Map<string, LintResult>; target: LintTarget }>();
  for (const target of targets) {
    const workspace = currentWorkspace(target, texts);
    const facts = workspace && { ...workspace.facts, self: hostMatcher(workspace)(target.path) };
    let result = cache?.get(target, workspace, files);
    if (!result) {
      result = lintTarget({ ...target, facts }, host, texts);
      cache?.set(target, workspace, result);
    }
    results.set(target.path, result);
    if (!workspace || !result.lint) continue;
    let group = byWorkspace.get(workspace.path);
    if (!group) byWorkspace.set(workspace.path, (group = { workspace, results: new Map(), target }));
    group.results.set(target.path, result.lint);
  }
  const workspaceDiagnostics = [...byWorkspace.values()].flatMap((g) => checkWorkspace(g.workspace.facts, g.results, g.target.config.settings));
  const allTexts = new Map<string, string>();
  for (const r of results.values()) for (const [path, text] of r.texts) allTexts.set(path, text);
  for (const target of targets) {
    const loaded = target.config.workspace;
    if (loaded) allTexts.set(loaded.path, texts.get(loaded.path) ?? loaded.text);
  }
  return { results, workspaceDiagnostics, diagnostics: [...[...results.values()].flatMap((r) => r.diagnostics), ...workspaceDiagnostics], texts: allTexts };
}

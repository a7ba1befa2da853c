// The editor's view of the workspace model (node/workspace-model.ts): an open config is linted
// as the CLI lints it — through the configs that include it and together with the peers of its
// keepalived-lint.yaml, open buffers first, disk otherwise — so the editor shows what
// `keepalived-lint FILE` reports for it. The files each answer depends on are kept, so that an
// edit of one re-lints the open documents that read it.
import type { IncludeHost } from '../../../grammar/index.js';
import { uniqueDiagnostics, type Diagnostic, type LintResult } from '../analysis/index.js';
import { INVALID_WORKSPACE_FILE, workspaceProblemDiagnostics } from '../analysis/host/workspace-problems.js';
import { IncluderSearch, workspacePeers } from '../node/includers.js';
import type { LintCache } from '../node/lint-cache.js';
import { lintInContext } from '../node/workspace-model.js';
import { targetResult, type LintTarget, type LoadedWorkspace, type TargetConfig } from '../node/lint-target.js';

export interface DocumentContext {
  /** The document's diagnostics, as the CLI reports them for this file. */
  diagnostics: Diagnostic[];
  /** The workspace file's diagnostics (its own problems and the parameter rules), when one applies. */
  workspaceFile?: { path: string; diagnostics: Diagnostic[] };
  /** Every file the answer was read from: the configs linted for context, what they include, the workspace file. */
  dependencies: Set<string>;
}

export interface ContextSources {
  files: IncludeHost;
  /** The lint root of the document; undefined: no other config is looked at. */
  root?: string;
  /** The settings and workspace file of a config found for context. */
  configOf(path: string): TargetConfig;
  search: IncluderSearch;
  cache: LintCache;
}

function workspaceFileDiagnostics(workspace: LoadedWorkspace, config: TargetConfig, fromRules: readonly Diagnostic[]): Diagnostic[] {
  const problems = workspaceProblemDiagnostics(workspace.workspace, config.settings.rules?.[INVALID_WORKSPACE_FILE]);
  return uniqueDiagnostics([...problems, ...fromRules.filter((d) => d.path === workspace.path)]);
}

/** An open document linted in its context; `result` is its own lint (reused, not repeated). */
export function documentInContext(path: string, text: string, result: LintResult, config: TargetConfig, sources: ContextSources): DocumentContext {
  const named: LintTarget = { path, config };
  const workspace = config.workspace?.workspace;
  sources.cache.set(named, workspace, targetResult(path, result));
  const context = lintInContext([named], {
    host: sources.files, texts: new Map([[path, text]]), rootOf: () => sources.root, search: sources.search, cache: sources.cache,
    toTarget: (peer) => ({ path: peer, config: sources.configOf(peer) }),
  });
  const { all } = context;
  const found = [...context.linted.flatMap((target) => all.results.get(target.path)!.diagnostics), ...all.workspaceDiagnostics];
  const dependencies = new Set(all.texts.keys());
  for (const target of context.targets) dependencies.add(target.path);
  return {
    diagnostics: uniqueDiagnostics(found.filter((d) => d.path === path)),
    workspaceFile: config.workspace && { path: config.workspace.path, diagnostics: workspaceFileDiagnostics(config.workspace, config, all.workspaceDiagnostics) },
    dependencies,
  };
}

/** The diagnostics of a workspace file on its own (opened in the editor): its configs compared as the CLI compares them. */
export function workspaceFileInContext(workspace: LoadedWorkspace, config: TargetConfig, sources: ContextSources): DocumentContext {
  const peers = workspacePeers(workspace).filter((peer) => !('problem' in sources.files.read(peer)));
  const context = lintInContext(peers.map((peer) => ({ path: peer, config: sources.configOf(peer) })), {
    host: sources.files, texts: new Map([[workspace.path, workspace.text]]), rootOf: () => undefined, cache: sources.cache,
    toTarget: (peer) => ({ path: peer, config: sources.configOf(peer) }),
  });
  const dependencies = new Set([workspace.path, ...context.all.texts.keys()]);
  return { diagnostics: workspaceFileDiagnostics(workspace, config, context.all.workspaceDiagnostics), dependencies };
}

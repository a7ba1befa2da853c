// Workspace rules in the editor: the open config is checked together with the other configs
// of its keepalived-lint.yaml (open buffers first, then disk), so pair and parameter
// diagnostics show up live, like in the CLI.
import type { IncludeHost } from '../../../grammar/index.js';
import { checkWorkspace, lint, type Diagnostic, type LintResult, type LintSettings } from '../analysis/index.js';
import { INVALID_WORKSPACE_FILE, workspaceProblemDiagnostics } from '../analysis/host/workspace-problems.js';
import { workspaceConfigs, type WorkspaceFacts } from '../node/workspace-facts.js';

export interface WorkspaceCheck {
  /** Workspace-rule diagnostics in the open config. */
  inDocument: Diagnostic[];
  /** Diagnostics in keepalived-lint.yaml: its own problems and the parameter rules. */
  inWorkspaceFile: Diagnostic[];
}

/**
 * Lint results of the other configs of a workspace, reused while their text, the settings and
 * the workspace facts they were linted with stay the same. Bounded: cleared when it outgrows
 * any plausible workspace.
 */
const peerCache = new Map<string, { text: string; settings: string; facts: WorkspaceFacts['facts']; result: LintResult }>();
const MAX_PEERS = 256;

export function checkOpenConfig(path: string, result: LintResult, loaded: WorkspaceFacts, settings: Partial<LintSettings>, files: IncludeHost): WorkspaceCheck {
  const results = new Map<string, LintResult>([[path, result]]);
  const settingsKey = JSON.stringify(settings);
  for (const peer of workspaceConfigs(loaded.workspace)) {
    if (peer === path || results.has(peer)) continue;
    const read = files.read(peer);
    if ('problem' in read) continue;
    const cached = peerCache.get(peer);
    const fresh = cached && cached.text === read.text && cached.settings === settingsKey && cached.facts === loaded.facts;
    const peerResult = fresh ? cached.result : lint({ path: peer, text: read.text, settings, files, facts: { ...loaded.facts, self: loaded.hostOf(peer) } });
    if (peerCache.size >= MAX_PEERS && !peerCache.has(peer)) peerCache.clear();
    peerCache.set(peer, { text: read.text, settings: settingsKey, facts: loaded.facts, result: peerResult });
    results.set(peer, peerResult);
  }
  const diagnostics = checkWorkspace(loaded.facts, results, settings);
  const problems = workspaceProblemDiagnostics(loaded.workspace, settings.rules?.[INVALID_WORKSPACE_FILE]);
  return {
    inDocument: diagnostics.filter((d) => d.path === path),
    inWorkspaceFile: [...problems, ...diagnostics.filter((d) => d.path === loaded.workspace.path)],
  };
}

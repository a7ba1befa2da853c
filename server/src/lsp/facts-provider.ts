// Host facts for the open documents: keepalived-lint.yaml found by walking up from each file
// (cached per workspace file, dropped when the file watcher reports a change).
import { dirname } from 'node:path';
import type { HostFacts } from '../analysis/host/context.js';
import type { LintSettings } from '../analysis/index.js';
import { settingsFromWorkspace } from '../analysis/host/from-workspace.js';
import { findWorkspaceFile, loadWorkspaceFacts, type WorkspaceFacts } from '../node/workspace-facts.js';

export class FactsProvider {
  private readonly cache = new Map<string, WorkspaceFacts | undefined>();
  invalidate(): void {
    this.cache.clear();
  }

  /** The workspace facts for a config, with `self` set to the host that runs it. */
  factsFor(path: string): HostFacts | undefined {
    const loaded = this.workspaceOf(path);
    return loaded && { ...loaded.facts, self: loaded.hostOf(path) };
  }

  /** Lint settings from the workspace file (dialect, version, rule severities). */
  settingsFor(path: string): Partial<LintSettings> {
    const workspace = this.workspaceOf(path)?.workspace;
    return workspace ? settingsFromWorkspace(workspace) : {};
  }

  /** The loaded workspace file that applies to a config. */
  workspaceOf(path: string): WorkspaceFacts | undefined {
    const file = findWorkspaceFile(dirname(path));
    if (!file) return undefined;
    if (!this.cache.has(file)) this.cache.set(file, loadWorkspaceFacts(file));
    return this.cache.get(file);
  }
}

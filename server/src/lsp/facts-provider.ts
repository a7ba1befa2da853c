// Host facts for the open documents: keepalived-lint.yaml found by walking up from each file to
// its root (cached per workspace file, dropped when the file watcher reports a change). Workspace
// files are read inside the root; one below the root file cannot widen it.
import { dirname } from 'node:path';
import type { HostFacts } from '../analysis/host/context.js';
import type { LintSettings } from '../analysis/index.js';
import { settingsFromWorkspace } from '../analysis/host/from-workspace.js';
import { asNestedWorkspace } from '../analysis/host/workspace-problems.js';
import type { RootGuard } from '../node/root-guard.js';
import { findWorkspaceFile, loadWorkspaceFacts, WORKSPACE_FILE, workspaceFacts, type WorkspaceFacts } from '../node/workspace-facts.js';
import type { DocumentRoots } from './roots.js';

export class FactsProvider {
  private readonly cache = new Map<string, WorkspaceFacts | undefined>();
  constructor(private readonly roots: DocumentRoots) {}

  invalidate(): void {
    this.cache.clear();
    this.roots.invalidate();
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

  /** What reads for a document are limited to: its root, unless the user or the root workspace file allows more. */
  guardFor(path: string): RootGuard | undefined {
    const { root, guard } = this.roots.of(path);
    if (guard && this.roots.trusted && root?.workspacePath && this.load(root.workspacePath, guard, true)?.workspace.includeOutsideRoot) return undefined;
    return guard;
  }

  /** The loaded workspace file that applies to a config. */
  workspaceOf(path: string): WorkspaceFacts | undefined {
    const { root, guard } = this.roots.of(path);
    // Outside every folder, only a user who allows reading there gets a workspace file.
    const file = root ? findWorkspaceFile(dirname(path), root.dir) : guard ? undefined : findWorkspaceFile(dirname(path));
    return file ? this.load(file, guard, !root || file === root.workspacePath) : undefined;
  }

  private load(file: string, guard: RootGuard | undefined, isRoot: boolean): WorkspaceFacts | undefined {
    if (!this.cache.has(file)) {
      const loaded = loadWorkspaceFacts(file, guard);
      this.cache.set(file, loaded && !isRoot ? workspaceFacts(asNestedWorkspace(loaded.workspace, `the root ${WORKSPACE_FILE} or the keepalived.includeOutsideRoot setting`)) : loaded);
    }
    return this.cache.get(file);
  }
}

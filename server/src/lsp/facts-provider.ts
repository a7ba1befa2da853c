// Host facts for the open documents: keepalived-lint.yaml found by walking up from each file to
// its root, or the one the keepalived.workspaceFile setting names (cached per workspace file,
// dropped when the file watcher reports a change; an open keepalived-lint.yaml is read from its
// buffer). Workspace files are read inside the root; one below the root file cannot widen it.
// A document that is not a file (an untitled buffer) has no workspace file: the one of the
// server's working directory says nothing about it.
import { dirname, isAbsolute } from 'node:path';
import type { HostFacts } from '../analysis/host/context.js';
import type { LintSettings } from '../analysis/index.js';
import { readWorkspaceFile, settingsFromWorkspace } from '../analysis/host/from-workspace.js';
import { asNestedWorkspace } from '../analysis/host/workspace-problems.js';
import { isBelow, type RootGuard } from '../node/root-guard.js';
import { findWorkspaceFile, loadWorkspaceFacts, WORKSPACE_FILE, workspaceFacts, type WorkspaceFacts } from '../node/workspace-facts.js';
import type { DocumentRoots } from './roots.js';

export class FactsProvider {
  /** Loaded workspace files, with the buffer text they were read from (undefined: the disk). */
  private readonly cache = new Map<string, { buffer?: string; loaded?: WorkspaceFacts }>();
  /**
   * @param bufferText the text of an open editor buffer for a path, if any
   * @param workspaceFileFor the keepalived.workspaceFile setting for a document (absolute), if set
   */
  constructor(private readonly roots: DocumentRoots, private readonly bufferText: (path: string) => string | undefined = () => undefined, private readonly workspaceFileFor: (path: string) => string | undefined = () => undefined) {}

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
    if (!isAbsolute(path)) return undefined;
    const { root, guard } = this.roots.of(path);
    const named = this.workspaceFileFor(path);
    if (named) return this.load(named, guard, !root || named === root.workspacePath);
    // Outside every folder, only a user who allows reading there gets a workspace file.
    const file = root ? findWorkspaceFile(dirname(path), root.dir) : guard ? undefined : findWorkspaceFile(dirname(path));
    return file ? this.load(file, guard, !root || file === root.workspacePath) : undefined;
  }

  private load(file: string, guard: RootGuard | undefined, isRoot: boolean): WorkspaceFacts | undefined {
    const buffer = this.bufferText(file);
    const cached = this.cache.get(file);
    if (cached && cached.buffer === buffer) return cached.loaded;
    let loaded: WorkspaceFacts | undefined;
    if (buffer === undefined) loaded = loadWorkspaceFacts(file, guard);
    else if (!guard || isBelow(guard.dir, file)) loaded = workspaceFacts(readWorkspaceFile(file, buffer), buffer);
    if (loaded && !isRoot) loaded = workspaceFacts(asNestedWorkspace(loaded.workspace, `the root ${WORKSPACE_FILE} or the keepalived.includeOutsideRoot setting`), loaded.text);
    this.cache.set(file, { buffer, loaded });
    return loaded;
  }
}

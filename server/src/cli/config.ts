// Which settings apply to a linted file: defaults < keepalived-lint.yaml < command line.
// The workspace file is the nearest one above the file up to the lint root (or --config, or
// none with --no-config); the loaded workspace travels with the settings for host-fact checks.
// Workspace files are read inside the lint root (but for --config, which the user named), and
// one below the root file cannot widen the root.
import { dirname } from 'node:path';
import { settingsFromWorkspace } from '../analysis/host/from-workspace.js';
import { asNestedWorkspace } from '../analysis/host/workspace-problems.js';
import type { LintSettings } from '../analysis/settings.js';
import type { SeveritySetting } from '../analysis/types.js';
import type { CliOptions } from './args.js';
import { findWorkspaceFile, WORKSPACE_FILE } from '../node/workspace-facts.js';
import { rootGuard, type LintRoot } from './lint-root.js';
import type { TargetConfig } from '../node/lint-target.js';
import { loadWorkspaceFile, type LoadedWorkspace } from './workspace.js';

/** The settings and the workspace file (if any) that apply to a file. */
export type ResolvedConfig = TargetConfig;

/** Settings from the command line alone (they override the workspace file). */
function cliSettings(options: CliOptions): Partial<LintSettings> {
  const settings: Partial<LintSettings> = { noInlineConfig: options.noInlineConfig };
  if (options.dialect) settings.dialect = options.dialect;
  if (options.keepalivedVersion) settings.keepalivedVersion = options.keepalivedVersion;
  if (options.configIds.length > 0) settings.configIds = [...options.configIds];
  if (options.maxProblems !== undefined) settings.maxProblems = options.maxProblems;
  return settings;
}

export function mergeSettings(options: CliOptions, workspace?: LoadedWorkspace): Partial<LintSettings> {
  const fromFile = workspace ? settingsFromWorkspace(workspace.workspace) : {};
  const rules: Record<string, SeveritySetting> = { ...fromFile.rules, ...options.rules };
  return { ...fromFile, ...cliSettings(options), rules };
}

export class ConfigResolver {
  /** Workspace file path by directory ('' for none). */
  private readonly nearest = new Map<string, string>();
  private readonly loaded = new Map<string, LoadedWorkspace>();

  constructor(private readonly options: CliOptions, private readonly root: LintRoot) {}

  /** Whether the command line or the root workspace file allows reading outside the root. */
  includeOutsideRoot(): boolean {
    if (this.options.includeOutsideRoot) return true;
    return this.root.workspacePath !== undefined && this.load(this.root.workspacePath).workspace.includeOutsideRoot === true;
  }

  /** Settings for a file (absolute path). Throws FatalError for an unusable workspace file. */
  forFile(path: string): ResolvedConfig {
    const workspacePath = this.workspacePathFor(dirname(path));
    const workspace = workspacePath ? this.load(workspacePath) : undefined;
    return { settings: mergeSettings(this.options, workspace), workspace };
  }

  /** The workspace file found for each directory looked up so far ('' for none). */
  workspaceLookups(): ReadonlyMap<string, string> {
    return this.nearest;
  }

  /** Every workspace file loaded so far, by path. */
  workspaces(): LoadedWorkspace[] {
    return [...this.loaded.values()];
  }

  private load(path: string): LoadedWorkspace {
    let workspace = this.loaded.get(path);
    if (!workspace) this.loaded.set(path, (workspace = this.read(path)));
    return workspace;
  }

  private read(path: string): LoadedWorkspace {
    if (path === this.root.workspacePath) return loadWorkspaceFile(path, this.options.configPath !== undefined ? undefined : rootGuard(this.root));
    const nested = loadWorkspaceFile(path, rootGuard(this.root));
    return { ...nested, workspace: asNestedWorkspace(nested.workspace, `the root ${WORKSPACE_FILE} (${this.root.workspacePath ?? 'none'}) or --include-outside-root`) };
  }

  private workspacePathFor(dir: string): string | undefined {
    if (this.options.noConfig) return undefined;
    if (this.options.configPath !== undefined) return this.root.workspacePath;
    let found = this.nearest.get(dir);
    if (found === undefined) this.nearest.set(dir, (found = findWorkspaceFile(dir, this.root.dir) ?? ''));
    return found || undefined;
  }
}

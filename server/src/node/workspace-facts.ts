// Finds and loads keepalived-lint.yaml for a config: walking up from the config's directory
// (like .eslintrc or .hadolint.yaml) but not above the lint root, then maps the config to the host whose `configs:` globs
// match it.
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { HostFact, HostFacts } from '../analysis/host/context.js';
import { pathMatcher } from '../analysis/glob/path-pattern.js';
import { readWorkspaceFile, type WorkspaceFile } from '../analysis/host/from-workspace.js';
import { DEFAULT_MAX_GLOB_RESULTS, readFileSnapshot } from './file-host.js';
import { expandGlob } from './glob.js';
import { isBelow, type RootGuard } from './root-guard.js';

export const WORKSPACE_FILE = 'keepalived-lint.yaml';
const MAX_WORKSPACE_BYTES = 8 * 1024 * 1024;

export interface WorkspaceFacts {
  workspace: WorkspaceFile;
  facts: HostFacts;
  /** The host whose `configs:` globs match this config path. */
  hostOf(configPath: string): HostFact | undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Nearest keepalived-lint.yaml at or above `dir`; the search stops at `top` (a directory at or
 * above `dir`; none below `top` holds one otherwise), or at the file-system root.
 */
export function findWorkspaceFile(dir: string, top?: string): string | undefined {
  if (top !== undefined && !isBelow(top, resolve(dir))) return undefined;
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, WORKSPACE_FILE);
    if (isFile(candidate)) return candidate;
    if (dirname(current) === current || current === top) return undefined;
  }
}

/** Maps a config path to the host whose `configs:` globs (relative to the workspace file) match it. */
export function hostMatcher(workspace: WorkspaceFile): (configPath: string) => HostFact | undefined {
  const root = dirname(workspace.path);
  const matchers = workspace.hostConfigs.map(({ host, globs }) => ({ host, patterns: globs.flatMap((glob) => pathMatcher(glob) ?? []) }));
  return (configPath) => {
    const rel = relative(root, resolve(configPath)).split(sep).join('/');
    return matchers.find((m) => m.patterns.some((matches) => matches(rel)))?.host;
  };
}

/** Paths of every config the workspace file maps to a host; no directory above the file is listed. */
export function workspaceConfigs(workspace: WorkspaceFile): string[] {
  const paths = new Set<string>();
  const dir = dirname(workspace.path);
  for (const { globs } of workspace.hostConfigs) {
    for (const glob of globs) {
      const answer = expandGlob(glob, { cwd: dir, root: dir, globstar: true, maxResults: DEFAULT_MAX_GLOB_RESULTS, skipDirectories: true });
      if ('paths' in answer) for (const path of answer.paths) paths.add(path);
    }
  }
  return [...paths];
}

/** A lint root: a directory, and the workspace file in it that may widen it. */
export interface LintRoot {
  dir: string;
  /** The root workspace file, if any; workspace files below it describe hosts but cannot widen the root. */
  workspacePath?: string;
}

/** The root that starts at `start`: the directory of the keepalived-lint.yaml at or above it, else `start`. */
export function rootFrom(start: string): LintRoot {
  const found = findWorkspaceFile(start);
  return found ? { dir: dirname(found), workspacePath: found } : { dir: start };
}

export function workspaceFacts(workspace: WorkspaceFile): WorkspaceFacts {
  return { workspace, facts: workspace.facts, hostOf: hostMatcher(workspace) };
}

/** The workspace file at `path`, read inside `root` when given; undefined when it cannot be read. */
export function loadWorkspaceFacts(path: string, root?: RootGuard): WorkspaceFacts | undefined {
  const read = readFileSnapshot(path, MAX_WORKSPACE_BYTES, root);
  return 'snapshot' in read ? workspaceFacts(readWorkspaceFile(path, read.snapshot.text)) : undefined;
}

// Finds and loads keepalived-lint.yaml for a config: walking up from the config's directory
// (like .eslintrc or .hadolint.yaml) but not above the lint root, then maps the config to the host whose `configs:` globs
// match it.
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { HostFact, HostFacts } from '../analysis/host/context.js';
import { MAX_PATTERN_LENGTH, pathMatcher } from '../analysis/glob/path-pattern.js';
import { readWorkspaceFile, type WorkspaceFile } from '../analysis/host/from-workspace.js';
import { DEFAULT_MAX_GLOB_RESULTS, readFileSnapshot } from './file-host.js';
import { expandGlob } from './glob.js';
import { isBelow, type RootGuard } from './root-guard.js';

export const WORKSPACE_FILE = 'keepalived-lint.yaml';
const MAX_WORKSPACE_BYTES = 8 * 1024 * 1024;

export interface WorkspaceFacts {
  workspace: WorkspaceFile;
  /** The text it was read from (disk or an editor buffer). */
  text: string;
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

const pathNames = (path: string) => path.split('/').filter((name) => name !== '' && name !== '.').join('/');
/** A glob without wildcards, classes, braces or escapes matches one path: looked up, not matched. */
const isLiteral = (glob: string) => glob.length <= MAX_PATTERN_LENGTH && !/[*?[{\\]/.test(glob);

type ConfigHost = (configPath: string) => HostFact | undefined;
const matchers = new WeakMap<WorkspaceFile, ConfigHost>();

/**
 * Maps a config path to the host whose `configs:` globs (relative to the workspace file) match
 * it: the first host in the file's order, as before. Built once per workspace file; literal
 * paths (what a fleet mostly has) are found in a map, so a fleet's configs are not each matched
 * against every host.
 */
export function hostMatcher(workspace: WorkspaceFile): ConfigHost {
  const known = matchers.get(workspace);
  if (known) return known;
  const root = dirname(workspace.path);
  const literal = new Map<string, number>(); // path -> index of the first host naming it
  const wildcards: Array<{ index: number; host: HostFact; patterns: Array<(path: string) => boolean> }> = [];
  workspace.hostConfigs.forEach(({ host, globs }, index) => {
    const patterns: Array<(path: string) => boolean> = [];
    for (const glob of globs) {
      if (!isLiteral(glob)) {
        const matches = pathMatcher(glob);
        if (matches) patterns.push(matches);
      } else if (!literal.has(pathNames(glob))) literal.set(pathNames(glob), index);
    }
    if (patterns.length > 0) wildcards.push({ index, host, patterns });
  });
  const matcher: ConfigHost = (configPath) => {
    const rel = relative(root, resolve(configPath)).split(sep).join('/');
    const named = literal.get(pathNames(rel)) ?? Infinity;
    const matched = wildcards.find((m) => m.index < named && m.patterns.some((matches) => matches(rel)));
    return matched?.host ?? workspace.hostConfigs[named]?.host;
  };
  matchers.set(workspace, matcher);
  return matcher;
}

/** The `configs:` globs of every host, in the file's order. */
export const workspaceGlobs = (workspace: WorkspaceFile): string[] => workspace.hostConfigs.flatMap(({ globs }) => globs);

/** Paths the `configs:` globs of the workspace file at `workspacePath` match; no directory above the file is listed. */
export function configsMatching(workspacePath: string, globs: readonly string[]): string[] {
  const paths = new Set<string>();
  const dir = dirname(workspacePath);
  for (const glob of globs) {
    const answer = expandGlob(glob, { cwd: dir, root: dir, globstar: true, maxResults: DEFAULT_MAX_GLOB_RESULTS, skipDirectories: true });
    if ('paths' in answer) for (const path of answer.paths) paths.add(path);
  }
  return [...paths];
}

/** Paths of every config the workspace file maps to a host; no directory above the file is listed. */
export const workspaceConfigs = (workspace: WorkspaceFile): string[] => configsMatching(workspace.path, workspaceGlobs(workspace));

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

export function workspaceFacts(workspace: WorkspaceFile, text: string): WorkspaceFacts {
  return { workspace, text, facts: workspace.facts, hostOf: hostMatcher(workspace) };
}

/** The workspace file at `path`, read inside `root` when given; undefined when it cannot be read. */
export function loadWorkspaceFacts(path: string, root?: RootGuard): WorkspaceFacts | undefined {
  const read = readFileSnapshot(path, MAX_WORKSPACE_BYTES, root);
  return 'snapshot' in read ? workspaceFacts(readWorkspaceFile(path, read.snapshot.text), read.snapshot.text) : undefined;
}

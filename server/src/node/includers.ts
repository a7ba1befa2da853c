// Which configs to lint with the files named on the command line. keepalived reads a fragment
// (conf.d/vi_1.conf, say) only as part of the config that includes it, so the fragment is
// checked in that context: the configs the directory search would find in the fragment's
// directory and a few directories above it, and the configs of its workspace (`configs:` and
// every config below keepalived-lint.yaml, which the workspace rules compare it with, as in
// the whole-directory run). Nothing outside the lint root is looked at.
import { dirname } from 'node:path';
import type { IncludeHost } from '../../../grammar/includes.js';
import { configFilesIn, configsBelow } from './config-search.js';
import type { LintTarget, LoadedWorkspace, TargetConfig } from './lint-target.js';
import { isInside } from './root-guard.js';
import { configsMatching, workspaceGlobs } from './workspace-facts.js';

/** How many directories above a file's own are searched for configs that include it. */
const MAX_PARENT_LEVELS = 3;

/** Where candidate includers are listed: the configs in a directory, or those of a workspace file. */
export type IncluderListing = { dir: string } | { workspace: string; globs: string[] };

/** The configs a workspace file at `path` with these `configs:` globs compares: those and every config below it. */
const peersOf = (path: string, globs: readonly string[]) => [...new Set([...configsMatching(path, globs), ...configsBelow(dirname(path))])];

/** Every config a workspace file compares: its `configs:` and every config below it. */
export const workspacePeers = (workspace: LoadedWorkspace): string[] => peersOf(workspace.path, workspaceGlobs(workspace.workspace));

/** The configs inside `root` that a listing names. */
export function listIncluders(listing: IncluderListing, root: string): string[] {
  const found = 'dir' in listing ? configFilesIn(listing.dir, root) : peersOf(listing.workspace, listing.globs);
  return found.filter((config) => isInside(root, config));
}

/**
 * Candidate includers, with directory listings and workspace globs expanded once per instance
 * (a CLI run; in the language server, until files appear or go away). `onListing` hears of
 * every listing made (the CLI's --cache checks them again).
 */
export class IncluderSearch {
  /** Configs inside a root, by root and directory or workspace file. */
  private readonly found = new Map<string, string[]>();

  constructor(private readonly onListing?: (listing: IncluderListing, configs: readonly string[]) => void) {}

  /** Lists of configs (inside `root`) that may include `path`; it may be in them too. */
  candidates(path: string, root: string, workspace?: LoadedWorkspace): string[][] {
    // The workspace's globs are gathered only on a miss: a fleet asks this for each of its configs.
    const lists = workspace ? [this.cached(workspace.path, () => ({ workspace: workspace.path, globs: workspaceGlobs(workspace.workspace) }), root)] : [];
    let dir = dirname(path);
    for (let level = 0; level <= MAX_PARENT_LEVELS && isInside(root, dir); level++) {
      const listed = dir;
      lists.push(this.cached(dir, () => ({ dir: listed }), root));
      if (dir === root || dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    return lists;
  }

  private cached(key: string, listingOf: () => IncluderListing, root: string): string[] {
    const fullKey = `${root}\u0000${key}`;
    let configs = this.found.get(fullKey);
    if (!configs) {
      const listing = listingOf();
      this.found.set(fullKey, (configs = listIncluders(listing, root)));
      this.onListing?.(listing, configs);
    }
    return configs;
  }
}

/**
 * Readable configs that may include one of the named targets, to lint alongside them for
 * context; `rootOf` bounds the search, `toTarget` sets a config up for linting.
 */
export function contextTargets(named: readonly LintTarget[], host: IncludeHost, rootOf: (config: TargetConfig) => string, toTarget: (path: string) => LintTarget, search = new IncluderSearch()): LintTarget[] {
  const seen = new Set(named.map((target) => target.path));
  const context: LintTarget[] = [];
  for (const target of named) {
    for (const list of search.candidates(target.path, rootOf(target.config), target.config.workspace)) {
      for (const path of list) {
        if (seen.has(path)) continue;
        seen.add(path);
        if (!('problem' in host.read(path))) context.push(toTarget(path));
      }
    }
  }
  return context;
}

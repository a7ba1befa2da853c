// The lint root of a CLI run, decided by the command line and the directory it runs in, never
// by the files under review: the directory of the root keepalived-lint.yaml (--config, or the
// one found walking up from the current directory, or from the named paths when they lie
// elsewhere), else that starting directory. What the user named is always inside it, so
// `keepalived-lint /etc/keepalived` from anywhere reads that tree's absolute includes.
import { statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { hasMagic } from '../analysis/glob/segment.js';
import { commonAncestor, isBelow, type RootGuard } from '../node/root-guard.js';
import { rootFrom, WORKSPACE_FILE, type LintRoot } from '../node/workspace-facts.js';
import type { CliOptions } from './args.js';

export type { LintRoot };

export const ROOT_ALLOW_HINT = `allow it with --include-outside-root or include_outside_root: true in the root ${WORKSPACE_FILE}`;

export const rootGuard = (root: LintRoot): RootGuard => ({ dir: root.dir, allow: ROOT_ALLOW_HINT });

const isPattern = (segment: string) => hasMagic(segment) || segment.includes('{');

/** The directory an argument stands for: itself, a file's directory, a glob's fixed leading directories. */
function namedDirectory(argument: string, cwd: string): string {
  const path = resolve(cwd, argument);
  const segments = path.split(sep);
  const magic = segments.findIndex(isPattern);
  if (magic >= 0) return segments.slice(0, magic).join(sep) || sep;
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return dirname(path);
  }
}

/** The deepest directory holding everything named on the command line (the current directory when nothing is). */
function namedBase(options: CliOptions, cwd: string): string {
  if (options.stdin) return dirname(resolve(cwd, options.stdinFilename));
  return options.patterns.length > 0 ? commonAncestor(options.patterns.map((p) => namedDirectory(p, cwd))) : resolve(cwd);
}

export function decideRoot(options: CliOptions, cwd: string): LintRoot {
  const base = namedBase(options, cwd);
  const start = isBelow(resolve(cwd), base) ? resolve(cwd) : base;
  if (options.configPath !== undefined) {
    const config = resolve(cwd, options.configPath);
    return { dir: isBelow(dirname(config), base) ? dirname(config) : start, workspacePath: config };
  }
  return options.noConfig ? { dir: start } : rootFrom(start);
}

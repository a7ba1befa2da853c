// The trust boundary: one root directory per run, decided by whoever runs the tool (never by
// the files under review). A config under review (a pull request in CI, say) must not make
// the linter read, quote or write files elsewhere on the machine, neither through `include`
// nor through symbolic links among the files it lints.
import { readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { IncludeHost, IncludeProblem } from '../../../grammar/includes.js';

/** Files may be read (and written) only inside `dir`; `allow` says how to lift the limit. */
export interface RootGuard {
  dir: string;
  allow: string;
  /** What the root is, for messages ("the lint root DIR" by default). */
  label?: string;
}

/** The real path (symbolic links resolved) of `path`, or the resolved path when it does not exist. */
export function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/** Whether `path` lies inside `root`, by their text alone (no links resolved). */
export function isBelow(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep));
}

/** Whether `path` (symbolic links resolved) lies inside `root`. */
export function isInside(root: string, path: string): boolean {
  return isBelow(realPath(root), realPath(path));
}

export function outsideRoot(path: string, guard: RootGuard): IncludeProblem {
  return { kind: 'outside-root', path, message: `'${path}' is outside ${guard.label ?? `the lint root ${guard.dir}`}, so it is not read (${guard.allow})` };
}

/**
 * The real path of the file open as `fd`, which was opened as `path` and fstat'ed as `stat`:
 * what the kernel opened, not what the path names now (a link swapped after the open does not
 * change it). Without /proc, the path's real path, if it still names the same file.
 */
export function openedRealPath(fd: number, path: string, stat: Stats): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    try {
      const real = realpathSync(path);
      const now = statSync(real);
      return now.dev === stat.dev && now.ino === stat.ino ? real : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The deepest directory that holds every one of `dirs` (absolute paths). */
export function commonAncestor(dirs: readonly string[]): string {
  let common = resolve(dirs[0]);
  for (const dir of dirs.slice(1)) while (!isBelow(common, resolve(dir))) common = dirname(common);
  return common;
}

/**
 * An include host that refuses paths outside the root before asking `host` (for hosts that read
 * more than the disk, such as the editor's open buffers; a NodeFileHost with a root also checks
 * the file it opened).
 */
export function guardRoot(host: IncludeHost, guard: RootGuard): IncludeHost {
  return {
    glob: (pattern, fromPath) => host.glob(pattern, fromPath, guard.dir),
    read: (path) => (isInside(guard.dir, path) ? host.read(path) : { problem: outsideRoot(path, guard) }),
  };
}

// Keeps `include` inside the lint root: a config under review (a pull request in CI, say)
// must not make the linter read, and quote, files elsewhere on the machine.
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { IncludeHost } from '../../../grammar/includes.js';

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Whether `path` (symbolic links resolved) lies inside `root`. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(realPath(root), realPath(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/** An include host that refuses to read files outside `root`. */
export function guardRoot(host: IncludeHost, root: string): IncludeHost {
  return {
    glob: (pattern, fromPath) => host.glob(pattern, fromPath, root),
    read: (path) => isInside(root, path)
      ? host.read(path)
      : { problem: { kind: 'outside-root', message: `'${path}' is outside the lint root ${root}, so it is not read (allow it with --include-outside-root or include_outside_root: true in keepalived-lint.yaml)` } },
  };
}

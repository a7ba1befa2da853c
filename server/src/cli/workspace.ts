// Reading keepalived-lint.yaml: text that is not YAML at all (or not a mapping) is fatal;
// everything else the parser finds becomes `invalid-workspace-file` diagnostics.
import { isMap, parseDocument } from 'yaml';
import { readWorkspaceFile } from '../analysis/host/from-workspace.js';
import { DEFAULT_MAX_FILE_BYTES, readFileSnapshot } from '../node/file-host.js';
import type { LoadedWorkspace } from '../node/lint-target.js';
import type { RootGuard } from '../node/root-guard.js';
import { FatalError } from './errors.js';

export type { LoadedWorkspace };

/** Rejects text that cannot be read as a YAML mapping, with the first error's position. */
function checkParsable(path: string, text: string): void {
  const document = parseDocument(text, { prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const where = error.linePos?.[0];
    throw new FatalError(`cannot parse workspace file ${path}${where ? `:${where.line}:${where.col}` : ''}: ${error.message.split('\n')[0]}`);
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new FatalError(`cannot use workspace file ${path}: it must be a YAML mapping (version, dialect, rules, hosts, ...)`);
  }
}

/** Reads a workspace file (inside `root` when given); one that cannot be read or parsed is fatal. */
export function loadWorkspaceFile(path: string, root?: RootGuard): LoadedWorkspace {
  const read = readFileSnapshot(path, DEFAULT_MAX_FILE_BYTES, root);
  if ('problem' in read) throw new FatalError(`cannot read workspace file: ${read.problem.message}`);
  const text = read.snapshot.text;
  checkParsable(path, text);
  const workspace = readWorkspaceFile(path, text);
  return { path, text, sha256: read.snapshot.sha256, workspace };
}

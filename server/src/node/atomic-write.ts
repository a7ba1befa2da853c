// Replacing a file's content safely: only if it is still what was read and the invoking user may
// write it, through a temp file in the same directory (fsync, then rename) that gets the file's
// owner and full mode (setuid and setgid included) before it takes the file's place.
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname } from 'node:path';
import { readFileSnapshot, type FileSnapshot } from './file-host.js';
import { isBelow, realPath, type RootGuard } from './root-guard.js';

export type WriteOutcome = { written: true } | { written: false; reason: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform lets a directory be opened or synced; the rename is done either way.
  }
}

/** Why the file on disk is no longer the one `expected` describes, if it is not. */
function changedSince(path: string, expected: FileSnapshot, root?: RootGuard): string | undefined {
  const now = readFileSnapshot(path, Math.max(expected.size, 1) * 2 + 1024, root);
  if ('problem' in now) return now.problem.kind === 'too-large' ? 'its content changed on disk since it was read' : `it cannot be read any more (${now.problem.message})`;
  if (now.snapshot.sha256 !== expected.sha256) return 'its content changed on disk since it was read';
  if (now.snapshot.mtimeMs !== expected.mtimeMs) return 'it was modified on disk since it was read';
  return undefined;
}

const octal = (mode: number) => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;

/**
 * Why the invoking user may not write the file, if they may not. A rename only needs a writable
 * directory, so the file's own permission bits are checked: those of its owner, group or others,
 * whichever class the user is in. Root gets no override: a file that is read-only for root's
 * class (mode 0444, or another user's 0644) is refused too, so --fix as root never rewrites a file
 * its owner has not opened to writing by others.
 */
export function writeDenied(path: string, stat: Stats): string | undefined {
  const uid = process.getuid?.();
  if (uid !== undefined) {
    const inGroup = process.getgid?.() === stat.gid || (process.getgroups?.() ?? []).includes(stat.gid);
    const bit = stat.uid === uid ? 0o200 : inGroup ? 0o020 : 0o002;
    if ((stat.mode & bit) === 0) return `it is read-only for you (mode ${octal(stat.mode)}, owner uid ${stat.uid}): not rewritten`;
  }
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    return `it is not writable (${(error as NodeJS.ErrnoException).code ?? message(error)}): not rewritten`;
  }
  return undefined;
}

/** Gives the temp file the original's owner, then its mode (a chown clears setuid and setgid); says what did not hold. */
function keepOwnerAndMode(fd: number, original: Stats): string | undefined {
  if (process.getuid === undefined) return undefined;
  try {
    fchownSync(fd, original.uid, original.gid);
  } catch {
    // Checked below: only root may give a file away.
  }
  fchmodSync(fd, original.mode & 0o7777);
  const now = fstatSync(fd);
  if (now.uid !== original.uid || now.gid !== original.gid) return `the rewritten file could not keep owner uid ${original.uid} gid ${original.gid}: not rewritten`;
  if ((now.mode & 0o7777) !== (original.mode & 0o7777)) return `the rewritten file could not keep mode ${octal(original.mode)}: not rewritten`;
  return undefined;
}

/**
 * Runs `work` with the process's working directory pinned to `dir`, so that every path `work`
 * uses is a name in that very directory: swapping the directory (or a parent) for a link after
 * the check cannot redirect the write. Node has no openat/renameat; the working directory is the
 * one directory handle the file system calls accept. Needs the main thread (workers cannot chdir).
 */
function inPinnedDirectory(dir: string, root: RootGuard | undefined, work: () => WriteOutcome): WriteOutcome {
  const previous = process.cwd();
  try {
    process.chdir(dir);
  } catch (error) {
    return { written: false, reason: `cannot enter its directory (${message(error)})` };
  }
  try {
    // The real path of the directory now pinned, not of whatever `dir` names by now.
    const here = process.cwd();
    if (root && !isBelow(realPath(root.dir), here)) return { written: false, reason: `its directory is now outside the lint root ${root.dir}` };
    return work();
  } finally {
    process.chdir(previous);
  }
}

/** Replaces `name` in the working directory (pinned by the caller) by a temp file renamed over it. */
function replaceInWorkingDirectory(name: string, text: string, expected: FileSnapshot, root?: RootGuard): WriteOutcome {
  const changed = changedSince(name, expected, root);
  if (changed) return { written: false, reason: changed };
  const temp = `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  let original: Stats;
  try {
    original = statSync(name);
  } catch (error) {
    return { written: false, reason: message(error) };
  }
  const denied = writeDenied(name, original);
  if (denied) return { written: false, reason: denied };
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    const kept = keepOwnerAndMode(fd, original);
    if (kept) throw new Error(kept);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    const late = changedSince(name, expected, root);
    if (late) throw new Error(late);
    renameSync(temp, name);
    fsyncDirectory('.');
    return { written: true };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
    return { written: false, reason: message(error) };
  }
}

/** With a root, nothing outside it is written, whatever links lead there or are swapped in meanwhile. */
export function writeFileAtomic(path: string, text: string, expected: FileSnapshot, root?: RootGuard): WriteOutcome {
  let target: string;
  try {
    // Write where a symbolic link points, so the link stays a link.
    target = realpathSync(path);
  } catch (error) {
    return { written: false, reason: `cannot resolve it (${message(error)})` };
  }
  if (root && !isBelow(realPath(root.dir), target)) return { written: false, reason: `it resolves outside the lint root ${root.dir}` };
  return inPinnedDirectory(dirname(target), root, () => replaceInWorkingDirectory(basename(target), text, expected, root));
}

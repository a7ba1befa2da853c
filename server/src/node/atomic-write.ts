// Replacing a file's content safely: only if it is still what was read, through a temp
// file in the same directory (fsync, then rename), keeping the mode and, when allowed, the owner.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readFileSnapshot, type FileSnapshot } from './file-host.js';

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
function changedSince(path: string, expected: FileSnapshot): string | undefined {
  const now = readFileSnapshot(path, Math.max(expected.size, 1) * 2 + 1024);
  if ('problem' in now) return now.problem.kind === 'too-large' ? 'its content changed on disk since it was read' : `it cannot be read any more (${now.problem.message})`;
  if (now.snapshot.sha256 !== expected.sha256) return 'its content changed on disk since it was read';
  if (now.snapshot.mtimeMs !== expected.mtimeMs) return 'it was modified on disk since it was read';
  return undefined;
}

export function writeFileAtomic(path: string, text: string, expected: FileSnapshot): WriteOutcome {
  let target: string;
  try {
    // Write where a symbolic link points, so the link stays a link.
    target = realpathSync(path);
  } catch (error) {
    return { written: false, reason: `cannot resolve it (${message(error)})` };
  }
  const changed = changedSince(target, expected);
  if (changed) return { written: false, reason: changed };
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    const owner = statSync(target);
    fd = openSync(temp, 'wx', expected.mode);
    fchmodSync(fd, expected.mode);
    try {
      fchownSync(fd, owner.uid, owner.gid);
    } catch {
      // Only root may give a file away; the file then belongs to whoever ran --fix.
    }
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    const late = changedSince(target, expected);
    if (late) throw new Error(late);
    renameSync(temp, target);
    fsyncDirectory(dirname(target));
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

// The file-system IncludeHost used by the CLI: bounded globbing and bounded, safe reads, kept
// inside the lint root (see root-guard.ts) when there is one. Every read is remembered (text,
// bytes hash, mtime) so the same text is seen by every linted file and `--fix` can tell
// whether a file changed on disk before writing it.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import type { GlobAnswer, IncludeHost, IncludeProblem, ReadAnswer } from '../../../grammar/includes.js';
import { patternIssue, quotePattern } from '../analysis/glob/path-pattern.js';
import { DEFAULT_MAX_DIRECTORIES, expandGlob } from './glob.js';
import { isBelow, isInside, openedRealPath, outsideRoot, realPath, type RootGuard } from './root-guard.js';

/** Big enough for generated configs of 20,000 virtual servers (~19 MB); bounds hostile includes. */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_GLOB_RESULTS = 1000;

export interface FileHostOptions {
  maxFileBytes?: number;
  maxGlobResults?: number;
  /** Read nothing outside this root (every file, linted or included). */
  root?: RootGuard;
}

/** What was on disk when a file was read. */
export interface FileSnapshot {
  path: string;
  text: string;
  sha256: string;
  mtimeMs: number;
  size: number;
  /** False when bytes were not valid UTF-8 (the text then holds U+FFFD replacements). */
  validUtf8: boolean;
}

export type SnapshotAnswer = { snapshot: FileSnapshot } | { problem: IncludeProblem };

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Uint8Array): { text: string; validUtf8: boolean } {
  try {
    return { text: strict.decode(bytes), validUtf8: true };
  } catch {
    return { text: lenient.decode(bytes), validUtf8: false };
  }
}

const reason = (error: unknown) => (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));

/** Reads at most `limit + 1` bytes of an open regular file. */
function readBounded(fd: number, limit: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) return undefined;
  }
  return Buffer.concat(chunks, total);
}

function notRegular(path: string, stat: Stats): IncludeProblem | undefined {
  if (stat.isFile()) return undefined;
  const what = stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'a device';
  return { kind: 'not-a-file', path, message: `'${path}' is ${what}, not a regular file` };
}

function failure(path: string, error: unknown): IncludeProblem {
  const code = reason(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'not-found', path, message: `'${path}' does not exist` };
  if (code === 'ELOOP') return { kind: 'unreadable', path, message: `'${path}' is a symbolic link loop` };
  return { kind: 'unreadable', path, message: `cannot read '${path}' (${code})` };
}

type BytesAnswer = { bytes: Buffer; mtimeMs: number } | { problem: IncludeProblem };

/**
 * Reads a regular file's bytes; never opens a directory, FIFO or device. With a root, a path
 * that resolves outside it is not opened, and the file that was opened is checked again by its
 * descriptor: a link swapped between the check and the open is caught, not followed.
 */
function readFileBytes(path: string, maxBytes: number, root?: RootGuard): BytesAnswer {
  const tooLarge = (): BytesAnswer => ({ problem: { kind: 'too-large', path, message: `'${path}' is larger than ${maxBytes} bytes` } });
  if (root && !isInside(root.dir, path)) return { problem: outsideRoot(path, root) };
  let fd: number;
  try {
    const before = statSync(path);
    const problem = notRegular(path, before);
    if (problem) return { problem };
    if (before.size > maxBytes) return tooLarge();
    // O_NONBLOCK: should the path be swapped for a FIFO after the stat, open must not wait.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    return { problem: failure(path, error) };
  }
  try {
    const stat = fstatSync(fd);
    if (root) {
      const opened = openedRealPath(fd, path, stat);
      if (opened === undefined || !isBelow(realPath(root.dir), opened)) return { problem: outsideRoot(path, root) };
    }
    const problem = notRegular(path, stat);
    if (problem) return { problem };
    if (stat.size > maxBytes) return tooLarge();
    const bytes = readBounded(fd, maxBytes);
    return bytes ? { bytes, mtimeMs: stat.mtimeMs } : tooLarge();
  } catch (error) {
    return { problem: failure(path, error) };
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file as text (see readFileBytes for what is never opened). */
export function readFileSnapshot(path: string, maxBytes: number, root?: RootGuard): SnapshotAnswer {
  const read = readFileBytes(path, maxBytes, root);
  if ('problem' in read) return read;
  const { text, validUtf8 } = decode(read.bytes);
  return { snapshot: { path, text, sha256: sha256(read.bytes), mtimeMs: read.mtimeMs, size: read.bytes.length, validUtf8 } };
}

/** A file's SHA-256 as readFileSnapshot would give it, without decoding the text; or its problem. */
export function readFileHash(path: string, maxBytes: number, root?: RootGuard): { sha256: string } | { problem: IncludeProblem } {
  const read = readFileBytes(path, maxBytes, root);
  return 'problem' in read ? read : { sha256: sha256(read.bytes) };
}

/** A glob that reached outside the root: the directory is named, its entries never listed. */
function globOutsideRoot(quoted: string, dir: string, root: string, guard?: RootGuard): IncludeProblem {
  const allow = guard?.dir === root ? guard.allow : 'allow it with --include-outside-root or include_outside_root: true in the root keepalived-lint.yaml';
  return { kind: 'outside-root', message: `${quoted} reaches '${dir}', outside ${guard?.dir === root && guard.label ? guard.label : `the lint root ${root}`}, so it is not searched (${allow})` };
}

export class NodeFileHost implements IncludeHost {
  private readonly maxFileBytes: number;
  private readonly maxGlobResults: number;
  private readonly root?: RootGuard;
  private readonly reads = new Map<string, SnapshotAnswer>();

  constructor(options: FileHostOptions = {}) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.maxGlobResults = options.maxGlobResults ?? DEFAULT_MAX_GLOB_RESULTS;
    this.root = options.root;
  }

  /** Expands a pattern; without `root`, inside the host's own root, if it has one. */
  glob(pattern: string, fromPath: string, root = this.root?.dir): GlobAnswer {
    const quoted = quotePattern(pattern);
    const result = expandGlob(pattern, { cwd: dirname(fromPath), maxResults: this.maxGlobResults, root, skipDirectories: true });
    if ('invalid' in result) return { problem: { kind: 'not-found', message: `${quoted} is not expanded: ${result.invalid.message}` } };
    if ('tooMany' in result) {
      const message = result.tooMany === 'matches'
        ? `${quoted} matches more than ${this.maxGlobResults} paths`
        : `${quoted} lists more than ${DEFAULT_MAX_DIRECTORIES} directories; it is not expanded`;
      return { problem: { kind: 'too-many-files', message } };
    }
    const outside = result.outside === undefined ? undefined : globOutsideRoot(quoted, result.outside, root!, this.root);
    if (result.paths.length > 0) return outside ? { paths: result.paths, problems: [outside] } : { paths: result.paths };
    if (outside) return { problem: outside };
    // Like keepalived, a reversed range matches nothing; the message says why.
    const issue = patternIssue(pattern);
    return issue ? { problem: { kind: 'not-found', message: `no file matches ${quoted}: ${issue.message}` } } : result;
  }

  read(path: string): ReadAnswer {
    const answer = this.snapshot(path);
    return 'problem' in answer ? answer : { text: answer.snapshot.text };
  }

  /** Every file read so far (each as first read), and whether reads were kept inside a root. */
  readsSoFar(): { reads: ReadonlyMap<string, SnapshotAnswer>; guarded: boolean } {
    return { reads: this.reads, guarded: this.root !== undefined };
  }

  /** The file as first read (later reads return the same text). */
  snapshot(path: string): SnapshotAnswer {
    let answer = this.reads.get(path);
    if (!answer) this.reads.set(path, (answer = readFileSnapshot(path, this.maxFileBytes, this.root)));
    return answer;
  }
}

// --cache: the report of a lint run, kept in .keepalived-lint-cache under the lint root and
// printed again by a later run with the same command line, tool build and current directory
// while every file-system probe the run made still gets the same answer (cache-probes.ts):
// the content of every file read (configs, includes, workspace files with their settings and
// host facts), include globs, workspace-file lookups and the directory searches. The whole
// run is the unit, not the file: workspace rules compare every config with every other.
// A cache file that cannot be read, parsed or is of another root, format or build is
// ignored (and replaced); it is written to a temporary file and renamed into place.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSnapshot } from '../node/file-host.js';
import { probesHold, type Probe, type ReplayContext } from './cache-probes.js';
import type { CliOptions } from './args.js';
import type { LintRoot } from './lint-root.js';
import { TOOL_VERSION } from './package-info.js';

export const CACHE_FILE = '.keepalived-lint-cache';
const FORMAT = 'keepalived-lint-cache 1';
/** Runs kept per cache file (different command lines over the same root). */
const MAX_ENTRIES = 8;
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** What a run printed, and its exit code. */
export interface CachedRun {
  report: string;
  stderr: string;
  exitCode: number;
}

interface Entry {
  key: string;
  probes: Probe[];
  run: CachedRun;
}

interface CacheFile {
  format: string;
  root: string;
  entries: Entry[];
}

/** What the cache key is made of besides the options: the build and how the output looks. */
export interface RunIdentity {
  /** The running program file (its content is hashed into the key), if known. */
  programFile?: string;
  cwd: string;
  color: boolean;
}

function buildHash(programFile: string | undefined): string {
  if (!programFile) return '';
  try {
    return createHash('sha256').update(readFileSync(programFile)).digest('hex');
  } catch {
    return '';
  }
}

/** Whether a run's report may come from (and go to) the cache: never one that writes files or reads stdin. */
export const cacheable = (options: CliOptions): boolean => options.cache && !options.fix && !options.fixDryRun && !options.stdin;

function isEntry(value: unknown): value is Entry {
  const entry = value as Entry | null;
  return typeof entry === 'object' && entry !== null && typeof entry.key === 'string' && Array.isArray(entry.probes) && typeof entry.run === 'object' && entry.run !== null
    && typeof entry.run.report === 'string' && typeof entry.run.stderr === 'string' && Number.isInteger(entry.run.exitCode);
}

export class RunCache {
  private readonly path: string;
  private readonly key: string;

  constructor(private readonly root: LintRoot, options: CliOptions, identity: RunIdentity) {
    this.path = join(root.dir, CACHE_FILE);
    this.key = createHash('sha256').update(JSON.stringify([TOOL_VERSION, buildHash(identity.programFile), root, identity.cwd, identity.color, options])).digest('hex');
  }

  /** The entries of the cache file, or none when it is missing, unreadable, foreign or corrupt. */
  private entries(): Entry[] {
    // Read inside the root whatever the run may read: a link to a file elsewhere is not followed.
    const read = readFileSnapshot(this.path, MAX_CACHE_BYTES, { dir: this.root.dir, allow: '' });
    if ('problem' in read) return [];
    try {
      const file = JSON.parse(read.snapshot.text) as CacheFile;
      if (file?.format !== FORMAT || file.root !== this.root.dir || !Array.isArray(file.entries)) return [];
      return file.entries.filter(isEntry);
    } catch {
      return [];
    }
  }

  /** The cached run for this command line, if every probe it made still holds. */
  lookup(context: ReplayContext): CachedRun | undefined {
    const entry = this.entries().find((e) => e.key === this.key);
    return entry && probesHold(entry.probes, context) ? entry.run : undefined;
  }

  /** Keeps the run (most recent first); a cache that cannot be written is left as it is. */
  store(probes: Probe[], run: CachedRun): void {
    const entries = [{ key: this.key, probes, run }, ...this.entries().filter((e) => e.key !== this.key)].slice(0, MAX_ENTRIES);
    const file: CacheFile = { format: FORMAT, root: this.root.dir, entries };
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      // 'wx': never through a link or over a file someone put there.
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(file));
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // Nothing was created.
      }
    }
  }
}

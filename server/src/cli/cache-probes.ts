// What a cached lint run depended on, as probes of the file system: each probe is a question
// (read this file, expand this include glob, find the workspace file for this directory, list
// the candidate includers of a directory or workspace file, find the named files) and the
// answer it got, hashed. A cached report is used again only when every probe, asked again,
// gets the same answer. Probes are asked inside the lint root only, so a cache file written
// by someone else cannot make the linter look elsewhere.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { GlobAnswer } from '../../../grammar/includes.js';
import { DEFAULT_MAX_FILE_BYTES, NodeFileHost, readFileHash, type SnapshotAnswer } from '../node/file-host.js';
import { isBelow, type RootGuard } from '../node/root-guard.js';
import { findWorkspaceFile } from '../node/workspace-facts.js';
import { listIncluders, type IncluderListing } from '../node/includers.js';
import type { LintRoot } from './lint-root.js';

export type Probe =
  | { kind: 'read'; path: string; answer: string }
  | { kind: 'glob'; pattern: string; from: string; answer: string }
  | { kind: 'workspace-file'; dir: string; answer: string }
  | { kind: 'includers'; listing: IncluderListing; answer: string }
  | { kind: 'named'; answer: string };

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** A read's answer: the bytes' hash, or the problem. */
export const readAnswer = (answer: SnapshotAnswer | ReturnType<typeof readFileHash>): string =>
  'problem' in answer ? `problem ${answer.problem.kind} ${answer.problem.message}` : 'snapshot' in answer ? answer.snapshot.sha256 : answer.sha256;

/** The file host of a run whose include globs are remembered with their answers. */
export class ProbedFileHost extends NodeFileHost {
  readonly globs: Probe[] = [];
  /** Set when a glob was asked with a root of its own: such a run is not cached. */
  unreplayable = false;

  override glob(pattern: string, fromPath: string, root?: string): GlobAnswer {
    const answer = super.glob(pattern, fromPath, root);
    if (root !== undefined) this.unreplayable = true;
    else this.globs.push({ kind: 'glob', pattern, from: fromPath, answer: hashOf(answer) });
    return answer;
  }
}

/** Collects the probes of one run. */
export class ProbeLog {
  private readonly probes: Probe[] = [];

  named(paths: readonly string[]): void {
    this.probes.push({ kind: 'named', answer: hashOf(paths) });
  }

  read(path: string, answer: string): void {
    this.probes.push({ kind: 'read', path, answer });
  }

  workspaceFile(dir: string, path: string | undefined): void {
    this.probes.push({ kind: 'workspace-file', dir, answer: hashOf(path ?? '') });
  }

  includers(listing: IncluderListing, configs: readonly string[]): void {
    this.probes.push({ kind: 'includers', listing, answer: hashOf(configs) });
  }

  /** Everything probed, the file host's reads and globs last. */
  finish(host: ProbedFileHost): Probe[] {
    for (const [path, answer] of host.readsSoFar().reads) this.read(path, readAnswer(answer));
    return [...this.probes, ...host.globs];
  }
}

export interface ReplayContext {
  root: LintRoot;
  /** The guard of the run's reads; undefined with --include-outside-root. */
  guard?: RootGuard;
  /** Whether --config named the root workspace file (read wherever it is, as the run read it). */
  configNamed: boolean;
  /** Files the command line names, found again. */
  named: () => string[];
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** The listing of a probe read back from a cache file, if it is well formed. */
function listingOf(value: unknown): IncluderListing | undefined {
  const listing = value as Record<string, unknown> | null;
  if (typeof listing !== 'object' || listing === null) return undefined;
  if (isString(listing.dir)) return { dir: listing.dir };
  if (isString(listing.workspace) && Array.isArray(listing.globs) && listing.globs.every(isString)) return { workspace: listing.workspace, globs: listing.globs };
  return undefined;
}

/**
 * The answer the probe gets now, or undefined when it must not be asked: malformed, or about
 * a path outside the root while reads are kept inside it.
 */
function askAgain(probe: Probe, context: ReplayContext, host: NodeFileHost): string | undefined {
  const { root, guard } = context;
  const inside = (path: unknown): path is string => isString(path) && (guard === undefined || isBelow(root.dir, resolve(path)));
  switch (probe.kind) {
    case 'named':
      return hashOf(context.named());
    case 'read':
      if (context.configNamed && isString(probe.path) && probe.path === root.workspacePath) return readAnswer(readFileHash(probe.path, DEFAULT_MAX_FILE_BYTES));
      return inside(probe.path) ? readAnswer(readFileHash(probe.path, DEFAULT_MAX_FILE_BYTES, guard)) : undefined;
    case 'glob':
      return inside(probe.from) && isString(probe.pattern) ? hashOf(host.glob(probe.pattern, probe.from)) : undefined;
    case 'workspace-file':
      return inside(probe.dir) ? hashOf(findWorkspaceFile(probe.dir, root.dir) ?? '') : undefined;
    case 'includers': {
      const listing = listingOf(probe.listing);
      if (!listing || !inside('dir' in listing ? listing.dir : listing.workspace)) return undefined;
      return hashOf(listIncluders(listing, root.dir));
    }
    default:
      return undefined;
  }
}

/** Whether every probe gets the answer it got when the run was cached. */
export function probesHold(probes: readonly Probe[], context: ReplayContext): boolean {
  const host = new NodeFileHost({ root: context.guard });
  return probes.every((probe) => {
    if (typeof probe !== 'object' || probe === null || !isString(probe.answer)) return false;
    return askAgain(probe, context, host) === probe.answer;
  });
}

// From command-line arguments to the files to lint: files as named, directories searched
// for keepalived configs, glob patterns expanded (with `**`).
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { patternIssue, quotePattern } from '../analysis/glob/path-pattern.js';
import { hasMagic } from '../analysis/glob/segment.js';
import { DEFAULT_MAX_DIRECTORIES, expandGlob } from '../node/glob.js';
import { isBelow } from '../node/root-guard.js';
import { FatalError } from './errors.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const KEEPALIVED_DIRECTORIES = new Set(['keepalived', 'keepalived.d']);
const MAX_DIRECTORY_DEPTH = 64;
const MAX_GLOB_MATCHES = 100_000;

/**
 * keepalived.conf, *.keepalived.conf, or *.conf in a keepalived context: below a keepalived or
 * keepalived.d directory, or below a conf.d next to a keepalived.conf (/etc/nginx/conf.d is not one).
 */
function isConfigFileName(name: string, inKeepalivedContext: boolean): boolean {
  if (name === 'keepalived.conf' || name.endsWith('.keepalived.conf')) return true;
  return name.endsWith('.conf') && inKeepalivedContext;
}

/** Whether a directory's *.conf files are keepalived's, given whether its parent holds a keepalived.conf. */
function isKeepalivedDirectory(name: string, besideMainConfig: boolean): boolean {
  return KEEPALIVED_DIRECTORIES.has(name) || (name === 'conf.d' && besideMainConfig);
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Config files below `root`, following symbolic links but never into a loop. */
function searchDirectory(root: string, out: Set<string>): void {
  const visited = new Set<string>();
  const visit = (dir: string, depth: number, inKeepalivedContext: boolean) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real) || depth > MAX_DIRECTORY_DEPTH) return;
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    const hasMainConfig = names.includes('keepalived.conf');
    for (const name of names) {
      const path = join(dir, name);
      const stat = statOf(path);
      if (stat?.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(name)) visit(path, depth + 1, inKeepalivedContext || isKeepalivedDirectory(name, hasMainConfig));
      } else if (stat?.isFile() && isConfigFileName(name, inKeepalivedContext)) out.add(path);
    }
  };
  visit(root, 0, isKeepalivedDirectory(basename(root), statOf(join(root, '..', 'keepalived.conf'))?.isFile() === true));
}

const isGlob = (pattern: string) => pattern.split(sep).some(hasMagic) || pattern.includes('{');

/** Paths a glob argument matches (with `**`); throws FatalError when it matches none or too many. */
function expandArgument(pattern: string, cwd: string): string[] {
  const matched = expandGlob(pattern, { cwd, maxResults: MAX_GLOB_MATCHES, globstar: true });
  const quoted = quotePattern(pattern);
  if ('invalid' in matched) throw new FatalError(`cannot expand ${quoted}: ${matched.invalid.message}`);
  if ('tooMany' in matched) {
    throw new FatalError(matched.tooMany === 'matches' ? `${quoted} matches more than ${MAX_GLOB_MATCHES} paths` : `${quoted} lists more than ${DEFAULT_MAX_DIRECTORIES} directories`);
  }
  if (matched.paths.length === 0) {
    const issue = patternIssue(pattern);
    throw new FatalError(`no files match ${quoted}${issue ? `: ${issue.message}` : ''}`);
  }
  return matched.paths;
}

/** Absolute paths of the files to lint, sorted. Throws FatalError for arguments that name nothing. */
export function discoverFiles(patterns: readonly string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const path = resolve(cwd, pattern);
    const stat = statOf(path);
    if (stat?.isDirectory()) {
      searchDirectory(path, out);
      continue;
    }
    if (stat) {
      // Named files are linted whatever their name; a FIFO or device is reported when read.
      out.add(path);
      continue;
    }
    if (!isGlob(pattern)) throw new FatalError(`cannot read '${pattern}': no such file or directory`);
    for (const match of expandArgument(pattern, cwd)) {
      const matchStat = statOf(match);
      if (matchStat?.isDirectory()) searchDirectory(match, out);
      else if (matchStat?.isFile()) out.add(match);
    }
  }
  if (out.size === 0) throw new FatalError(`no keepalived config files found in ${patterns.length > 0 ? patterns.map((p) => `'${p}'`).join(', ') : 'the current directory'}`);
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const isFile = (path: string) => statOf(path)?.isFile() === true;

/**
 * Whether `dir` is, or lies below, a keepalived directory, looking no higher than `root` (the
 * directory search starts there; a `dir` outside it is judged by all its parents).
 */
function inKeepalivedContext(dir: string, root: string): boolean {
  for (let current = dir; ; current = dirname(current)) {
    if (isKeepalivedDirectory(basename(current), isFile(join(dirname(current), 'keepalived.conf')))) return true;
    if (current === root || dirname(current) === current) return false;
  }
}

/** Whether the directory search from `root` would find the file at `path` (absolute). */
export function isKeepalivedConfig(path: string, root: string): boolean {
  const dir = dirname(path);
  return isConfigFileName(basename(path), inKeepalivedContext(dir, isBelow(root, dir) ? root : '/'));
}

/** The config files the directory search finds below `dir`. */
export function configsBelow(dir: string): string[] {
  const out = new Set<string>();
  searchDirectory(dir, out);
  return [...out];
}

/** The config files directly in `dir` that the directory search from `root` would find, sorted. */
export function configFilesIn(dir: string, root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const context = inKeepalivedContext(dir, root);
  return names.filter((name) => isConfigFileName(name, context) && isFile(join(dir, name))).map((name) => join(dir, name));
}

// From command-line arguments to the files to lint: files as named, directories searched
// for keepalived configs, glob patterns expanded (with `**`).
import { resolve, sep } from 'node:path';
import { patternIssue, quotePattern } from '../analysis/glob/path-pattern.js';
import { hasMagic } from '../analysis/glob/segment.js';
import { DEFAULT_MAX_DIRECTORIES, expandGlob } from '../node/glob.js';
import { searchDirectory, statOf } from '../node/config-search.js';
import { FatalError } from './errors.js';

const MAX_GLOB_MATCHES = 100_000;

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

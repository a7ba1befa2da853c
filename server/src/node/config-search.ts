// Which files are keepalived configs: the directory search of the CLI (keepalived.conf,
// *.keepalived.conf, *.conf in a keepalived context), shared by the CLI and the language
// server's workspace model (configs that may include a file, configs compared with it).
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isBelow } from './root-guard.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const KEEPALIVED_DIRECTORIES = new Set(['keepalived', 'keepalived.d']);
const MAX_DIRECTORY_DEPTH = 64;

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

export function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Config files below `root`, following symbolic links but never into a loop. */
export function searchDirectory(root: string, out: Set<string>): void {
  const visited = new Set<string>();
  const visit = (dir: string, depth: number, inKeepalivedContext: boolean) => {
    let real: string;
    try {
      real = realpathSync.native(dir);
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

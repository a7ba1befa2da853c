// Test helpers: lint a snippet and look at what one rule says, by line and covered text.
import { posix } from 'node:path';
import { LineIndex } from '../../grammar/index.js';
import type { IncludeHost } from '../../grammar/index.js';
import { pathMatcher } from '../../server/src/analysis/glob/path-pattern.js';
import { lint, type LintSettings } from '../../server/src/analysis/index.js';
import type { Diagnostic, Fix } from '../../server/src/analysis/types.js';

export const TEST_PATH = '/etc/keepalived/keepalived.conf';

export interface Found {
  /** 1-based line of the start. */
  line: number;
  /** The text the diagnostic covers. */
  text: string;
  message: string;
  severity: Diagnostic['severity'];
  diagnostic: Diagnostic;
}

export function lintSnippet(text: string, settings: Partial<LintSettings> = {}, files?: IncludeHost): Diagnostic[] {
  return lint({ path: TEST_PATH, text, settings, files }).diagnostics;
}

/** Diagnostics of `rule` on the linted file, with their line and covered text. */
export function found(rule: string, text: string, settings: Partial<LintSettings> = {}, files?: IncludeHost): Found[] {
  const index = new LineIndex(text);
  return lintSnippet(text, settings, files)
    .filter((d) => d.rule === rule && d.path === TEST_PATH)
    .map((d) => ({ line: index.positionAt(d.start).line + 1, text: text.slice(d.start, d.end), message: d.message, severity: d.severity, diagnostic: d }));
}

/** Shorthand for the common assertion: [line, covered text] pairs. */
export function where(rule: string, text: string, settings: Partial<LintSettings> = {}, files?: IncludeHost): Array<[number, string]> {
  return found(rule, text, settings, files).map((f) => [f.line, f.text]);
}

/** Applies the edits of a fix that touch `path` to `text` (edits must not overlap). */
export function applyFixTo(text: string, fix: Fix, path = TEST_PATH): string {
  const edits = fix.edits.filter((e) => e.path === path).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** An in-memory file system for include tests; globs are matched like keepalived's (no `**`). */
export function memoryFiles(files: Record<string, string>): IncludeHost {
  // The files never change: each resolved pattern is matched once (include fan-outs repeat them).
  const globbed = new Map<string, string[]>();
  return {
    glob(pattern, fromPath) {
      const full = posix.normalize(pattern.startsWith('/') ? pattern : `${posix.dirname(fromPath)}/${pattern}`);
      let paths = globbed.get(full);
      if (!paths) {
        const matches = pathMatcher(full, { globstar: false });
        globbed.set(full, (paths = matches ? Object.keys(files).filter(matches).sort() : []));
      }
      return { paths: [...paths] };
    },
    read(path) {
      return path in files ? { text: files[path] } : { problem: { kind: 'unreadable', message: `cannot read '${path}'` } };
    },
  };
}

// Test helpers: lint a snippet and look at what one rule says, by line and covered text.
import { posix } from 'node:path';
import { LineIndex } from '../../grammar/index.js';
import type { IncludeHost } from '../../grammar/index.js';
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

/** An in-memory file system for include tests; globs support `*` and `?` in the last part. */
export function memoryFiles(files: Record<string, string>): IncludeHost {
  const resolve = (pattern: string, from: string) => posix.normalize(pattern.startsWith('/') ? pattern : `${from.slice(0, from.lastIndexOf('/'))}/${pattern}`);
  return {
    glob(pattern, fromPath) {
      const full = resolve(pattern, fromPath);
      const regex = new RegExp(`^${full.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
      return { paths: Object.keys(files).filter((p) => regex.test(p)).sort() };
    },
    read(path) {
      return path in files ? { text: files[path] } : { problem: { kind: 'unreadable', message: `cannot read '${path}'` } };
    },
  };
}

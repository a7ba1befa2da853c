// The report the formatters print: diagnostics grouped by file, positions turned into
// 1-based lines and UTF-16 columns (end column exclusive), sorted for stable output.
import { relative, sep } from 'node:path';
import { LineIndex } from '../../../grammar/source.js';
import type { Diagnostic, Fix, Severity } from '../analysis/types.js';

export interface ReportedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportedEdit extends ReportedRange {
  path: string;
  text: string;
}

export interface ReportedFix {
  title: string;
  edits: ReportedEdit[];
}

export interface ReportedDiagnostic extends ReportedRange {
  rule: string;
  severity: Severity;
  message: string;
  fix?: ReportedFix;
  /** Fixes offered but never applied; one without edits is a change left to the author. */
  suggestions?: ReportedFix[];
  /** The text of the first line the diagnostic covers (for SARIF fingerprints). */
  lineText: string;
}

export interface ReportedFile {
  /** Relative to the working directory when inside it, with forward slashes. */
  path: string;
  diagnostics: ReportedDiagnostic[];
  /** The fixed text, for --fix-dry-run. */
  output?: string;
}

export interface Report {
  files: ReportedFile[];
}

/** How a path is shown: relative to `cwd` when inside it, forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === '' || rel.startsWith('..') || rel.startsWith(sep) ? path : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  /** Text of every file a diagnostic or fix points into, by absolute path. */
  texts: ReadonlyMap<string, string>;
  /** Files listed even without diagnostics (json, checkstyle). */
  files: Iterable<string>;
  /** Fixed texts to show, by absolute path. */
  outputs?: ReadonlyMap<string, string>;
  cwd: string;
}

export function buildReport(input: ReportInput): Report {
  const indexes = new Map<string, LineIndex>();
  const indexOf = (path: string) => {
    let index = indexes.get(path);
    if (!index) indexes.set(path, (index = new LineIndex(input.texts.get(path) ?? '')));
    return index;
  };
  const range = (path: string, start: number, end: number): ReportedRange => {
    const index = indexOf(path);
    const from = index.positionAt(start);
    const to = index.positionAt(end);
    return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
  };
  const lineTextAt = (path: string, offset: number) => {
    const text = input.texts.get(path) ?? '';
    const index = indexOf(path);
    const line = index.positionAt(offset).line;
    const start = index.lineStart(line);
    // From the line index, not by searching the text: a search per diagnostic is quadratic on one long line.
    let end = line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return text.slice(start, end);
  };
  const byPath = new Map<string, ReportedFile>();
  const fileFor = (path: string) => {
    let file = byPath.get(path);
    if (!file) byPath.set(path, (file = { path: displayPath(path, input.cwd), diagnostics: [] }));
    return file;
  };
  for (const path of input.files) fileFor(path);
  const sorted = [...input.diagnostics].sort((a, b) => compare(a.path, b.path) || a.start - b.start || a.end - b.end || compare(a.rule, b.rule) || compare(a.message, b.message));
  for (const d of sorted) {
    const reported: ReportedDiagnostic = { rule: d.rule, severity: d.severity, message: d.message, ...range(d.path, d.start, d.end), lineText: lineTextAt(d.path, d.start) };
    const toReported = (fix: Fix): ReportedFix => ({
      title: fix.title,
      edits: fix.edits.map((e) => ({ path: displayPath(e.path, input.cwd), ...range(e.path, e.start, e.end), text: e.newText })),
    });
    if (d.fix) reported.fix = toReported(d.fix);
    if (d.suggestions?.length) reported.suggestions = d.suggestions.map(toReported);
    fileFor(d.path).diagnostics.push(reported);
  }
  for (const [path, output] of input.outputs ?? []) fileFor(path).output = output;
  const files = [...byPath.values()].sort((a, b) => compare(a.path, b.path));
  return { files };
}

// Conversion between the analysis library's data (paths, offsets) and LSP types.
import { LineIndex } from '../../../grammar/index.js';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Diagnostic, Fix, Location, Severity } from '../analysis/index.js';
import { ruleDocHref } from './rule-docs.js';

export const SOURCE = 'keepalived-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export const uriToPath = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
export const pathToUri = (path: string) => (path.startsWith('/') ? pathToFileURL(path).href : path);

/** Texts of files by path, for offset -> position conversion outside the open document. */
export type TextLookup = (path: string) => string | undefined;

const indexes = new Map<string, { text: string; index: LineIndex }>();

/** Line index of a file's current text, cached while the text stays the same. */
export function lineIndexOf(path: string, text: string): LineIndex {
  const cached = indexes.get(path);
  if (cached?.text === text) return cached.index;
  const index = new LineIndex(text);
  indexes.set(path, { text, index });
  return index;
}

export function rangeOf(location: Location, texts: TextLookup): Range {
  const index = lineIndexOf(location.path, texts(location.path) ?? '');
  return { start: index.positionAt(location.start), end: index.positionAt(location.end) };
}

export function toLspDiagnostic(d: Diagnostic, texts: TextLookup): LspDiagnostic {
  return {
    range: rangeOf(d, texts),
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: ruleDocHref(d.rule) },
    source: SOURCE,
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri: pathToUri(r.path), range: rangeOf(r, texts) }, message: r.message })),
    data: { fix: d.fix, suggestions: d.suggestions },
  };
}

export function toWorkspaceEdit(fix: Fix, texts: TextLookup): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    (changes[pathToUri(edit.path)] ??= []).push({ range: rangeOf(edit, texts), newText: edit.newText });
  }
  return { changes };
}

// Quick fixes: the fixes and suggestions the rules attach, plus "disable this rule for this
// line / for this file". A fix that edits several files is one workspace edit.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Fix } from '../analysis/index.js';
import { applyFixes } from '../analysis/fix.js';
import type { Analysis } from './analyzer.js';
import { lineIndexOf, rangeOf, toWorkspaceEdit, type TextLookup } from './convert.js';

/** The kind VS Code asks for on save when `editor.codeActionsOnSave` enables `source.fixAll.keepalived`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.keepalived`;

interface FixData {
  fix?: Fix;
  suggestions?: Fix[];
}

function disableActions(analysis: Analysis, diagnostic: LspDiagnostic): CodeAction[] {
  const rule = String(diagnostic.code ?? '');
  if (!rule) return [];
  const index = lineIndexOf(analysis.path, analysis.text);
  const line = diagnostic.range.start.line;
  const lineText = analysis.text.slice(index.lineStart(line), line + 1 < index.lineCount ? index.lineStart(line + 1) : analysis.text.length).replace(/\r?\n$/, '');
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const newline = analysis.text.includes('\r\n') ? '\r\n' : '\n';
  const edit = (position: { line: number; character: number }, newText: string) => ({ changes: { [analysis.uri]: [{ range: { start: position, end: position }, newText }] } });
  return [
    { title: `Disable ${rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit({ line, character: 0 }, `${indent}# keepalived-lint disable-next-line ${rule}${newline}`) },
    { title: `Disable ${rule} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit({ line: 0, character: 0 }, `# keepalived-lint disable-file ${rule}${newline}`) },
  ];
}

export function codeActions(analysis: Analysis, params: CodeActionParams, texts: TextLookup): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    // Some clients (Neovim 0.7) send diagnostics back without their source; the code identifies ours.
    if (diagnostic.source !== undefined && diagnostic.source !== 'keepalived-lint') continue;
    if (typeof diagnostic.code !== 'string') continue;
    const data = (diagnostic.data ?? {}) as FixData;
    if (data.fix) actions.push({ title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: toWorkspaceEdit(data.fix, texts) });
    // A suggestion without edits (a fix left to the author, see fix-source.ts) has nothing to apply.
    for (const suggestion of (data.suggestions ?? []).filter((s) => s.edits.length > 0)) actions.push({ title: suggestion.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: toWorkspaceEdit(suggestion, texts) });
    actions.push(...disableActions(analysis, diagnostic));
  }
  return actions;
}

/**
 * Every rule fix of the document that fits with the others (as one `--fix` pass applies them),
 * when the client asks for source.fixAll (on save) or for no kind in particular. Edits stay in
 * this document: fixing on save must not change files the user is not looking at.
 */
export function fixAllActions(analysis: Analysis, only: readonly string[] | undefined): CodeAction[] {
  const wanted = !only || only.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
  if (!wanted) return [];
  const { edits } = applyFixes(new Map([[analysis.path, analysis.text]]), analysis.result.diagnostics, { canEdit: (path) => path === analysis.path });
  if (edits.length === 0) return [];
  const texts: TextLookup = (path) => (path === analysis.path ? analysis.text : undefined);
  const changes = { [analysis.uri]: edits.map((edit) => ({ range: rangeOf(edit, texts), newText: edit.newText })) };
  return [{ title: 'Fix all keepalived-lint problems in this file', kind: FIX_ALL_KIND, diagnostics: [], edit: { changes } }];
}

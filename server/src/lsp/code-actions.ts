// Quick fixes: the fixes and suggestions the rules attach, plus "disable this rule for this
// line / for this file". A fix that edits several files is one workspace edit. Fixes are found
// again from the server's own diagnostics (the client need not echo `data` back), and only the
// kinds the client asks for (`context.only`) are returned.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Fix } from '../analysis/index.js';
import { applyFixes } from '../analysis/fix.js';
import type { Analysis } from './analyzer.js';
import { lineIndexOf, rangeOf, SOURCE, toWorkspaceEdit, type TextLookup } from './convert.js';

/** The kind VS Code asks for on save when `editor.codeActionsOnSave` enables `source.fixAll.keepalived`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.keepalived`;

/** The document actions are asked for: its text (for disable comments) and current diagnostics. */
export interface ActionTarget {
  uri: string;
  path: string;
  text: string;
  diagnostics: readonly Diagnostic[];
  /** Whether `# keepalived-lint disable` comments work here (not in keepalived-lint.yaml). */
  disableComments: boolean;
}

/** Whether an action of `kind` is among the kinds the client asked for (all when it did not say). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function disableActions(target: ActionTarget, diagnostic: LspDiagnostic): CodeAction[] {
  const rule = String(diagnostic.code ?? '');
  if (!rule || !target.disableComments) return [];
  const index = lineIndexOf(target.path, target.text);
  const line = diagnostic.range.start.line;
  const lineText = target.text.slice(index.lineStart(line), line + 1 < index.lineCount ? index.lineStart(line + 1) : target.text.length).replace(/\r?\n$/, '');
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const newline = target.text.includes('\r\n') ? '\r\n' : '\n';
  const edit = (position: { line: number; character: number }, newText: string) => ({ changes: { [target.uri]: [{ range: { start: position, end: position }, newText }] } });
  return [
    { title: `Disable ${rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit({ line, character: 0 }, `${indent}# keepalived-lint disable-next-line ${rule}${newline}`) },
    { title: `Disable ${rule} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit({ line: 0, character: 0 }, `# keepalived-lint disable-file ${rule}${newline}`) },
  ];
}

const samePosition = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line === b.line && a.character === b.character;

/** The server's diagnostic the client's one stands for: same rule, range and message. */
function ownDiagnostic(target: ActionTarget, diagnostic: LspDiagnostic, texts: TextLookup): Diagnostic | undefined {
  return target.diagnostics.find((d) => {
    if (d.rule !== diagnostic.code || d.path !== target.path || d.message !== diagnostic.message) return false;
    const range = rangeOf(d, texts);
    return samePosition(range.start, diagnostic.range.start) && samePosition(range.end, diagnostic.range.end);
  });
}

function fixActions(own: Diagnostic, diagnostic: LspDiagnostic, texts: TextLookup): CodeAction[] {
  const actions: CodeAction[] = [];
  const fix: Fix | undefined = own.fix;
  if (fix) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: toWorkspaceEdit(fix, texts) });
  // A suggestion without edits (a fix left to the author, see fix-source.ts) has nothing to apply.
  for (const suggestion of (own.suggestions ?? []).filter((s) => s.edits.length > 0)) actions.push({ title: suggestion.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: toWorkspaceEdit(suggestion, texts) });
  return actions;
}

export function codeActions(target: ActionTarget, params: CodeActionParams, texts: TextLookup): CodeAction[] {
  if (!wanted(CodeActionKind.QuickFix, params.context.only)) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    // Some clients (Neovim 0.7) send diagnostics back without their source; the code identifies ours.
    if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) continue;
    if (typeof diagnostic.code !== 'string') continue;
    const own = ownDiagnostic(target, diagnostic, texts);
    if (own) actions.push(...fixActions(own, diagnostic, texts));
    actions.push(...disableActions(target, diagnostic));
  }
  return actions;
}

/**
 * Every rule fix of the document that fits with the others (as one `--fix` pass applies them),
 * when the client asks for source.fixAll (on save) or for no kind in particular. Edits stay in
 * this document: fixing on save must not change files the user is not looking at.
 */
export function fixAllActions(analysis: Analysis, only: readonly string[] | undefined): CodeAction[] {
  if (!wanted(FIX_ALL_KIND, only)) return [];
  const { edits } = applyFixes(new Map([[analysis.path, analysis.text]]), analysis.result.diagnostics, { canEdit: (path) => path === analysis.path });
  if (edits.length === 0) return [];
  const texts: TextLookup = (path) => (path === analysis.path ? analysis.text : undefined);
  const changes = { [analysis.uri]: edits.map((edit) => ({ range: rangeOf(edit, texts), newText: edit.newText })) };
  return [{ title: 'Fix all keepalived-lint problems in this file', kind: FIX_ALL_KIND, diagnostics: [], edit: { changes } }];
}

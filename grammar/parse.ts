// Entry point of the grammar layer: text (+ injected include access) -> AST, comments,
// preprocessor facts and syntax issues. Pure: no I/O, no LSP.
import type { DocumentNode } from './ast.js';
import { preprocess, type PreprocessOptions, type PreprocessResult, type SyntaxIssue } from './preprocess.js';
import { StreamParser } from './stream-parser.js';

export { MAX_BLOCK_DEPTH } from './stream-parser.js';

export interface ParseResult extends PreprocessResult {
  document: DocumentNode;
}

export type ParseOptions = Omit<PreprocessOptions, 'onLine'>;

/** Issues of unbalanced braces, derived from the whole document (so recomputed after a reparse). */
export function braceIssues(document: DocumentNode, issues: SyntaxIssue[]): void {
  const visit = (items: DocumentNode['items']) => {
    for (const item of items) {
      if (item.type === 'stray-close') {
        issues.push({ kind: 'extra-close-brace', message: "extra '}': there are more '}' than '{' up to here (keepalived: Extra '}' found)", span: item.span });
        continue;
      }
      const block = item.type === 'block' ? item : item.block;
      if (!block) continue;
      if (!block.close) issues.push({ kind: 'missing-close-brace', message: "this '{' is never closed: a '}' is missing", span: block.open });
      visit(block.items);
    }
  };
  visit(document.items);
}

export function parse(path: string, text: string, options: ParseOptions = {}): ParseResult {
  const nesting: SyntaxIssue[] = [];
  const parser = new StreamParser(nesting);
  const pre = preprocess(path, text, { ...options, onLine: (line) => parser.addLine(line) });
  const document = parser.finish();
  for (const issue of nesting) pre.issues.push(issue);
  braceIssues(document, pre.issues);
  return { ...pre, document };
}

// Entry point of the grammar layer: text (+ injected include access) -> AST, comments,
// preprocessor facts and syntax issues. Pure: no I/O, no LSP.
import { createTokenInstance, type IToken } from 'chevrotain';
import type { DocumentNode } from './ast.js';
import { cstToAst } from './cst-to-ast.js';
import { parseTokens } from './parser.js';
import { preprocess, type PreprocessOptions, type PreprocessResult, type PreToken, type SyntaxIssue } from './preprocess.js';
import { EndOfLine, LBrace, Quoted, RBrace, Word } from './tokens.js';

export interface ParseResult extends PreprocessResult {
  document: DocumentNode;
}

export type ParseOptions = PreprocessOptions;

/** keepalived nests blocks at most 6 deep; deeper nesting is garbage and would only cost stack. */
export const MAX_BLOCK_DEPTH = 100;

const TOKEN_TYPES = { word: Word, quoted: Quoted, lbrace: LBrace, rbrace: RBrace };

/**
 * Turns token lines into the parser's stream. Chevrotain offsets are stream indexes (tokens
 * come from several files); the real position travels in `payload`.
 */
function toParserTokens(lines: PreToken[][], issues: SyntaxIssue[]): IToken[] {
  const out: IToken[] = [];
  const push = (pre: PreToken, type = TOKEN_TYPES[pre.kind]) => {
    const index = out.length;
    const token = createTokenInstance(type, pre.value, index, index, NaN, NaN, NaN, NaN) as IToken & { payload: PreToken };
    token.payload = pre;
    out.push(token);
  };
  let depth = 0;
  let dropped = 0;
  for (const line of lines) {
    let last: PreToken | undefined;
    for (const token of line) {
      if (token.kind === 'word' || token.kind === 'quoted') {
        push(token);
        last = token;
        continue;
      }
      if (last) push({ ...last, kind: 'word' }, EndOfLine);
      last = undefined;
      if (token.kind === 'lbrace') {
        if (depth >= MAX_BLOCK_DEPTH) {
          if (dropped++ === 0) issues.push({ kind: 'nesting-too-deep', message: `blocks are nested more than ${MAX_BLOCK_DEPTH} levels deep; deeper braces are ignored`, span: token.span });
          continue;
        }
        depth++;
      } else if (dropped > 0) {
        dropped--;
        continue;
      } else if (depth > 0) depth--;
      push(token);
    }
    if (last) push({ ...last, kind: 'word' }, EndOfLine);
  }
  return out;
}

function braceIssues(document: DocumentNode, issues: SyntaxIssue[]): void {
  const visit = (items: DocumentNode['items']) => {
    for (const item of items) {
      if (item.type === 'stray-close') {
        issues.push({ kind: 'extra-close-brace', message: "extra '}': there is no open block to close", span: item.span });
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
  const pre = preprocess(path, text, options);
  const tokens = toParserTokens(pre.lines, pre.issues);
  const { cst } = parseTokens(tokens);
  const document = cstToAst(cst);
  braceIssues(document, pre.issues);
  return { ...pre, document };
}

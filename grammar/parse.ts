// Entry point of the grammar layer: text (+ injected include access) -> AST, comments,
// preprocessor facts and syntax issues. Pure: no I/O, no LSP.
import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import type { DocumentNode, WordNode } from './ast.js';
import { cstToAst } from './cst-to-ast.js';
import { parseTokens } from './parser.js';
import { isBrace, preprocess, type PreprocessOptions, type PreprocessResult, type PreToken, type SyntaxIssue } from './preprocess.js';
import type { Span } from './source.js';
import { LBrace, Line, RBrace } from './tokens.js';

export interface ParseResult extends PreprocessResult {
  document: DocumentNode;
}

export type ParseOptions = PreprocessOptions;

/** keepalived nests blocks at most 6 deep; deeper nesting is garbage and would only cost stack. */
export const MAX_BLOCK_DEPTH = 100;

/**
 * Turns token lines into the parser's stream: one Line token per run of words, braces apart.
 * Chevrotain offsets are stream indexes (tokens come from several files); the real positions
 * travel in `payload`.
 */
function toParserTokens(lines: PreToken[][], issues: SyntaxIssue[]): IToken[] {
  const out: IToken[] = [];
  const push = (type: TokenType, payload: WordNode[] | Span) => {
    const index = out.length;
    const token = createTokenInstance(type, '', index, index, NaN, NaN, NaN, NaN) as IToken & { payload: unknown };
    token.payload = payload;
    out.push(token);
  };
  let depth = 0;
  let dropped = 0;
  for (const line of lines) {
    let words: WordNode[] = [];
    for (const token of line) {
      if (!isBrace(token)) {
        words.push(token);
        continue;
      }
      if (words.length > 0) push(Line, words);
      words = [];
      if (token.brace === '{') {
        if (depth >= MAX_BLOCK_DEPTH) {
          if (dropped++ === 0) issues.push({ kind: 'nesting-too-deep', message: `blocks are nested more than ${MAX_BLOCK_DEPTH} levels deep; deeper braces are ignored`, span: token.span });
          continue;
        }
        depth++;
        push(LBrace, token.span);
      } else if (dropped > 0) {
        dropped--;
      } else {
        if (depth > 0) depth--;
        push(RBrace, token.span);
      }
    }
    if (words.length > 0) push(Line, words);
  }
  return out;
}

function braceIssues(document: DocumentNode, issues: SyntaxIssue[]): void {
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

/** Tokens per parser run: whole top-level items are batched up to about this many. */
const BATCH = 4096;

/**
 * Parses the stream in batches of whole top-level items (a statement with its block, an
 * anonymous block or a stray `}`), so each batch's CST is garbage before the next one starts.
 */
function parseInBatches(tokens: IToken[]): DocumentNode {
  const items: DocumentNode['items'] = [];
  let depth = 0;
  let batchStart = 0;
  const flush = (end: number) => {
    if (end > batchStart) items.push(...cstToAst(parseTokens(tokens.slice(batchStart, end)).cst).items);
    batchStart = end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i].tokenType;
    const startsItem = depth === 0 && (type === Line || type === RBrace || (type === LBrace && tokens[i - 1]?.tokenType !== Line));
    if (startsItem && i - batchStart >= BATCH) flush(i);
    if (type === LBrace) depth++;
    else if (type === RBrace && depth > 0) depth--;
  }
  flush(tokens.length);
  return { items };
}

export function parse(path: string, text: string, options: ParseOptions = {}): ParseResult {
  const pre = preprocess(path, text, options);
  const tokens = toParserTokens(pre.lines, pre.issues);
  const document = parseInBatches(tokens);
  braceIssues(document, pre.issues);
  return { ...pre, document };
}

// Feeds the preprocessor's token lines to the parser as they come: one Line token per run of
// words, braces apart. The stream is parsed in batches of whole top-level items (a statement
// with its block, an anonymous block or a stray `}`), so tokens and CST of a batch are
// garbage before the next batch starts and only the AST stays.
import type { IToken, TokenType } from 'chevrotain';
import type { DocumentNode, WordNode } from './ast.js';
import { cstToAst } from './cst-to-ast.js';
import { parseTokens } from './parser.js';
import { isBrace, type PreToken, type SyntaxIssue } from './preprocess.js';
import type { Span } from './source.js';
import { LBrace, Line, RBrace } from './tokens.js';

/** keepalived nests blocks at most 6 deep; deeper nesting is garbage and would only cost stack. */
export const MAX_BLOCK_DEPTH = 100;

/** Tokens per parser run: whole top-level items are batched up to about this many. */
const BATCH = 4096;

/**
 * The smallest token the parser needs. Chevrotain offsets are stream indexes (tokens come
 * from several files and from substitutions); the real positions travel in `payload`.
 */
function parserToken(type: TokenType, index: number, payload: WordNode[] | Span): IToken {
  return { image: '', startOffset: index, endOffset: index, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, payload } as IToken;
}

export class StreamParser {
  readonly document: DocumentNode = { items: [] };
  private batch: IToken[] = [];
  /** Index of the next token in the whole stream. */
  private next = 0;
  private depth = 0;
  /** `{` beyond MAX_BLOCK_DEPTH that are ignored, with their `}`. */
  private dropped = 0;

  constructor(private readonly issues: SyntaxIssue[]) {}

  addLine(line: PreToken[]): void {
    // The words between braces become a statement's `words`: exact-size slices (a line
    // without braces is used as it is), since the AST keeps them for the whole lint.
    let wordsStart = 0;
    for (let i = 0; i < line.length; i++) {
      const token = line[i];
      if (!isBrace(token)) continue;
      if (i > wordsStart) this.push(Line, line.slice(wordsStart, i) as WordNode[]);
      wordsStart = i + 1;
      if (token.brace === '{') this.open(token.span);
      else this.close(token.span);
    }
    if (line.length > wordsStart) this.push(Line, (wordsStart === 0 ? line : line.slice(wordsStart)) as WordNode[]);
  }

  finish(): DocumentNode {
    this.flush();
    return this.document;
  }

  private open(span: Span): void {
    if (this.depth >= MAX_BLOCK_DEPTH) {
      if (this.dropped++ === 0) this.issues.push({ kind: 'nesting-too-deep', message: `blocks are nested more than ${MAX_BLOCK_DEPTH} levels deep; deeper braces are ignored`, span });
      return;
    }
    this.push(LBrace, span);
    this.depth++;
  }

  private close(span: Span): void {
    if (this.dropped > 0) {
      this.dropped--;
      return;
    }
    this.push(RBrace, span);
    if (this.depth > 0) this.depth--;
  }

  private push(type: TokenType, payload: WordNode[] | Span): void {
    // A `{` right after a line belongs to that line's statement: no item starts there.
    const startsItem = this.depth === 0 && (type !== LBrace || this.batch[this.batch.length - 1]?.tokenType !== Line);
    if (startsItem && this.batch.length >= BATCH) this.flush();
    this.batch.push(parserToken(type, this.next++, payload));
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    for (const item of cstToAst(parseTokens(this.batch).cst).items) this.document.items.push(item);
    this.batch = [];
  }
}

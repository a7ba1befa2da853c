// Builds the syntax tree from the preprocessor's token lines as they come. The grammar is
//   document  := (statement | block | '}')*
//   statement := line block?
//   block     := '{' (statement | block)* '}'?
// where a line is a run of words between braces. It needs one token of lookahead and cannot
// fail (every token starts or ends something), so the tree is built directly with a stack of
// open blocks: no parser tokens, no concrete syntax tree and no conversion, only the AST.
import type { BlockNode, DocumentNode, ItemNode, StatementNode, WordNode } from './ast.js';
import { isBrace, type PreToken, type SyntaxIssue } from './preprocess.js';
import type { Span } from './source.js';

/** keepalived nests blocks at most 6 deep; deeper nesting is garbage and would only cost stack. */
export const MAX_BLOCK_DEPTH = 100;

export class StreamParser {
  readonly document: DocumentNode = { items: [] };
  /** Blocks opened and not closed yet, innermost last. */
  private readonly open: BlockNode[] = [];
  /** The statement just read, while no other token followed it: a `{` now opens its block. */
  private lastStatement: StatementNode | undefined;
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
      if (i > wordsStart) this.statement(line.slice(wordsStart, i) as WordNode[]);
      wordsStart = i + 1;
      if (token.brace === '{') this.openBlock(token.span);
      else this.closeBlock(token.span);
    }
    if (line.length > wordsStart) this.statement((wordsStart === 0 ? line : line.slice(wordsStart)) as WordNode[]);
  }

  finish(): DocumentNode {
    return this.document;
  }

  private get items(): ItemNode[] {
    return this.open.length > 0 ? this.open[this.open.length - 1].items : this.document.items;
  }

  private statement(words: WordNode[]): void {
    const statement: StatementNode = { type: 'statement', words };
    this.items.push(statement);
    this.lastStatement = statement;
  }

  private openBlock(span: Span): void {
    if (this.open.length >= MAX_BLOCK_DEPTH) {
      if (this.dropped++ === 0) this.issues.push({ kind: 'nesting-too-deep', message: `blocks are nested more than ${MAX_BLOCK_DEPTH} levels deep; deeper braces are ignored`, span });
      return;
    }
    const block: BlockNode = { type: 'block', open: span, items: [] };
    // A `{` right after a line is that line's statement's block; anywhere else it is anonymous.
    if (this.lastStatement) this.lastStatement.block = block;
    else this.items.push(block);
    this.lastStatement = undefined;
    this.open.push(block);
  }

  private closeBlock(span: Span): void {
    if (this.dropped > 0) {
      this.dropped--;
      return;
    }
    this.lastStatement = undefined;
    const block = this.open.pop();
    if (block) block.close = span;
    else this.document.items.push({ type: 'stray-close', span });
  }
}

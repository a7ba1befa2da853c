// The syntax tree: statements (a keyword line with its words), `{ }` blocks and stray `}`.
// It is purely syntactic: which keywords open blocks in keepalived's eyes is decided by the
// analysis, which replays keepalived's own block handling over this tree.
import type { Span } from './source.js';

export interface WordNode {
  /** The word as keepalived sees it (quotes removed, `\#` unescaped). */
  value: string;
  span: Span;
  quoted: boolean;
  /** Name of the `$VARIABLE` whose expansion produced this word. */
  via?: string;
  /** For a word expanded from a `$NAME` definition (its span is the use): where it is written in the definition. */
  written?: Span;
}

export interface StatementNode {
  type: 'statement';
  /** words[0] is the keyword (or, inside a value block, the first word of the item). */
  words: WordNode[];
  block?: BlockNode;
}

export interface BlockNode {
  type: 'block';
  open: Span;
  /** Missing when the file ends before the block is closed. */
  close?: Span;
  items: ItemNode[];
}

export interface StrayCloseNode {
  type: 'stray-close';
  span: Span;
}

export type ItemNode = StatementNode | BlockNode | StrayCloseNode;

export interface DocumentNode {
  items: ItemNode[];
}

/** Span from the keyword to the last word of the statement line. */
export function lineSpan(statement: StatementNode): Span {
  const first = statement.words[0].span;
  const last = statement.words[statement.words.length - 1].span;
  return last.file === first.file ? { file: first.file, start: first.start, end: Math.max(first.end, last.end) } : first;
}

/** Span of the whole statement, including its block when it closes in the same file. */
export function statementSpan(statement: StatementNode): Span {
  const line = lineSpan(statement);
  const close = statement.block?.close;
  return close && close.file === line.file ? { ...line, end: Math.max(line.end, close.end) } : line;
}

// The one CST -> AST step. Words come from the payload of each Line token (the preprocessor
// made them with exact source spans), so no position is recomputed here.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { BlockNode, DocumentNode, ItemNode, StatementNode, WordNode } from './ast.js';
import type { Span } from './source.js';

export type LineToken = IToken & { payload: WordNode[] };
export type BraceToken = IToken & { payload: Span };

const isToken = (element: CstElement): element is IToken => (element as IToken).tokenType !== undefined;

/** Stream index of an element's first token (token offsets are stream indexes, see stream-parser.ts). */
function firstIndex(element: CstElement): number {
  if (isToken(element)) return element.startOffset;
  const first = element.children.Line ?? element.children.LBrace;
  return (first[0] as IToken).startOffset;
}

/** The statements, nested blocks and stray `}` of a node, back in source order. */
function inOrder(node: CstNode, names: string[]): CstElement[] {
  const lists = names.map((name) => node.children[name]).filter((list) => list !== undefined);
  if (lists.length <= 1) return lists[0] ?? [];
  return lists.flat().sort((a, b) => firstIndex(a) - firstIndex(b));
}

function statement(node: CstNode): StatementNode {
  const result: StatementNode = { type: 'statement', words: (node.children.Line[0] as LineToken).payload };
  const block = node.children.block?.[0] as CstNode | undefined;
  if (block) result.block = blockOf(block);
  return result;
}

function item(element: CstElement): ItemNode {
  if (isToken(element)) return { type: 'stray-close', span: (element as BraceToken).payload };
  return element.name === 'statement' ? statement(element) : blockOf(element);
}

function blockOf(node: CstNode): BlockNode {
  const result: BlockNode = { type: 'block', open: (node.children.LBrace[0] as BraceToken).payload, items: [] };
  const close = node.children.RBrace?.[0] as BraceToken | undefined;
  if (close) result.close = close.payload;
  for (const element of inOrder(node, ['statement', 'block'])) result.items.push(item(element));
  return result;
}

export function cstToAst(cst: CstNode): DocumentNode {
  return { items: inOrder(cst, ['statement', 'block', 'RBrace']).map(item) };
}

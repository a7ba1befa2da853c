// The one CST -> AST step. Words come from the payload of each Line token (the preprocessor
// made them with exact source spans), so no position is recomputed here.
import type { CstNode, IToken } from 'chevrotain';
import type { BlockNode, DocumentNode, ItemNode, StatementNode, WordNode } from './ast.js';
import type { Span } from './source.js';

export type LineToken = IToken & { payload: WordNode[] };
export type BraceToken = IToken & { payload: Span };

const child = (node: CstNode, name: string) => node.children[name]?.[0];

function statement(node: CstNode): StatementNode {
  const line = child(node, 'Line') as LineToken;
  const result: StatementNode = { type: 'statement', words: line.payload };
  const block = child(node, 'block') as CstNode | undefined;
  if (block) result.block = blockOf(block);
  return result;
}

function item(node: CstNode): StatementNode | BlockNode {
  const s = child(node, 'statement') as CstNode | undefined;
  return s ? statement(s) : blockOf(child(node, 'block') as CstNode);
}

function blockOf(node: CstNode): BlockNode {
  const result: BlockNode = { type: 'block', open: (child(node, 'LBrace') as BraceToken).payload, items: [] };
  const close = child(node, 'RBrace') as BraceToken | undefined;
  if (close) result.close = close.payload;
  for (const i of (node.children.item ?? []) as CstNode[]) result.items.push(item(i));
  return result;
}

export function cstToAst(cst: CstNode): DocumentNode {
  const items: ItemNode[] = [];
  for (const top of (cst.children.topItem ?? []) as CstNode[]) {
    const brace = child(top, 'RBrace') as BraceToken | undefined;
    items.push(brace ? { type: 'stray-close', span: brace.payload } : item(top));
  }
  return { items };
}

// The one CST -> AST step. Every AST position comes from the PreToken payload each
// Chevrotain token carries, so spans are exact source offsets even after substitution.
import type { CstNode, IToken } from 'chevrotain';
import type { BlockNode, DocumentNode, ItemNode, StatementNode, WordNode } from './ast.js';
import type { PreToken } from './preprocess.js';

export type PayloadToken = IToken & { payload: PreToken };

type Child = CstNode | IToken;

const isNode = (c: Child): c is CstNode => (c as CstNode).children !== undefined;

/** Children of a CST node in source order (Chevrotain groups them by name). */
function ordered(node: CstNode): Child[] {
  const all: Child[] = [];
  for (const list of Object.values(node.children)) all.push(...(list as Child[]));
  const offset = (c: Child) => (isNode(c) ? (c.location?.startOffset ?? Number.MAX_SAFE_INTEGER) : c.startOffset);
  return all.sort((a, b) => offset(a) - offset(b));
}

function word(token: PayloadToken): WordNode {
  const pre = token.payload;
  const node: WordNode = { value: pre.value, span: pre.span, quoted: pre.kind === 'quoted' };
  if (pre.via) node.via = pre.via;
  return node;
}

function statement(node: CstNode): StatementNode {
  const result: StatementNode = { type: 'statement', words: [] };
  for (const child of ordered(node)) {
    if (isNode(child)) result.block = block(child);
    else if (child.tokenType.name === 'Word' || child.tokenType.name === 'Quoted') result.words.push(word(child as PayloadToken));
  }
  return result;
}

function block(node: CstNode): BlockNode {
  const result: BlockNode = { type: 'block', open: { file: 0, start: 0, end: 0 }, items: [] };
  for (const child of ordered(node)) {
    if (isNode(child)) result.items.push(child.name === 'statement' ? statement(child) : block(child));
    else if (child.tokenType.name === 'LBrace') result.open = (child as PayloadToken).payload.span;
    else if (child.tokenType.name === 'RBrace') result.close = (child as PayloadToken).payload.span;
  }
  return result;
}

export function cstToAst(cst: CstNode): DocumentNode {
  const items: ItemNode[] = [];
  for (const child of ordered(cst)) {
    if (isNode(child)) items.push(child.name === 'statement' ? statement(child) : block(child));
    else items.push({ type: 'stray-close', span: (child as PayloadToken).payload.span });
  }
  return { items };
}

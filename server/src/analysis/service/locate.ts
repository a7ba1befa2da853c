// Finds what sits at a position of a linted file: the config node, the word and its role.
import type { Span, StatementNode, WordNode } from '../../../../grammar/index.js';
import type { ConfigNode, ConfigTree } from '../model/config-tree.js';

export interface Located {
  node: ConfigNode;
  word: WordNode;
  /** 'keyword': the first word; 'argument': a later word; 'item': a word of a value-block line. */
  role: 'keyword' | 'argument' | 'item';
  item?: StatementNode;
}

const inside = (span: Span, file: number, offset: number) => span.file === file && span.start <= offset && offset <= span.end;

export function locate(tree: ConfigTree, file: number, offset: number): Located | undefined {
  for (const node of tree.all) {
    if (inside(node.keyword.span, file, offset)) return { node, word: node.keyword, role: 'keyword' };
    const arg = node.args.find((w) => inside(w.span, file, offset));
    if (arg) return { node, word: arg, role: 'argument' };
    for (const item of node.items) {
      const word = item.words.find((w) => inside(w.span, file, offset));
      if (word) return { node, word, role: 'item', item };
    }
  }
  return undefined;
}

/** The innermost block node whose braces enclose `offset` (undefined = top level). */
export function enclosingBlock(tree: ConfigTree, file: number, offset: number): ConfigNode | undefined {
  let best: ConfigNode | undefined;
  for (const node of tree.all) {
    const block = node.statement.block;
    if (!block || block.open.file !== file || block.open.end > offset) continue;
    const end = block.close && block.close.file === file ? block.close.start : Number.MAX_SAFE_INTEGER;
    if (offset <= end && (!best || block.open.start >= best.statement.block!.open.start)) best = node;
  }
  return best;
}

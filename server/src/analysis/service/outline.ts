// Document structure for outlines, folding and selection: named blocks and their ranges.
import { lineSpan, statementSpan, type Span } from '../../../../grammar/index.js';
import type { ConfigNode, ConfigTree } from '../model/config-tree.js';

export interface OutlineItem {
  name: string;
  /** The block's keyword path (`vrrp_instance`, `virtual_server/real_server`); '' when unknown. */
  path: string;
  detail: string;
  kind: 'block' | 'list' | 'option';
  span: Span;
  selection: Span;
  children: OutlineItem[];
}

function item(node: ConfigNode): OutlineItem {
  const kind = node.def?.kind === 'value_block' ? 'list' : node.def?.kind === 'block' || node.statement.block ? 'block' : 'option';
  return {
    name: [node.keyword.value, ...node.args.slice(0, 2).map((a) => a.value)].join(' '),
    path: node.def?.path ?? '',
    detail: node.def ? '' : 'unknown',
    kind,
    span: statementSpan(node.statement),
    selection: lineSpan(node.statement),
    children: node.children.filter((c) => c.statement.block || c.children.length > 0).map(item),
  };
}

/** Blocks (and list blocks) as a tree; plain option lines are left out of the outline. */
export function outline(tree: ConfigTree, file: number): OutlineItem[] {
  return tree.roots.filter((n) => n.keyword.span.file === file && (n.statement.block || n.children.length > 0)).map(item);
}

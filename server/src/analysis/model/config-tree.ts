// Replays keepalived's block handling (process_stream and alloc_value_block in lib/parser.c)
// over the syntax tree, giving each line the block keepalived really reads it in.
// The two differ only in broken files: an unknown keyword's `{` is ignored, so the lines of
// its block are read as keywords of the enclosing block and its `}` closes that block.
import type { BlockNode, ItemNode, Span, StatementNode, WordNode } from '../../../../grammar/index.js';
import { ROOT_CONTEXT, type KeywordDef, type KeywordLookup, type KeywordSchema } from '../../../../grammar/keywords/index.js';
import { NONE, type ArgBinding } from './args.js';

export interface ConfigNode {
  statement: StatementNode;
  keyword: WordNode;
  args: WordNode[];
  /** Context (block path) the line is read in; 'root' at the top level. */
  context: string;
  /** The keyword found in this context, even if this dialect or version lacks it. */
  lookup?: KeywordLookup;
  /** Set when the keyword is available: the definition keepalived applies. */
  def?: KeywordDef;
  parent?: ConfigNode;
  /** Keywords read inside this node's block (NONE, shared, while there are none). */
  children: ConfigNode[];
  /** Data lines of a value block (`virtual_ipaddress { ... }`). */
  items: StatementNode[];
  /** The node whose ignored braces made keepalived read this line in another block. */
  displacedBy?: ConfigNode;
  /** Cache of lineBinding(node). */
  binding?: ArgBinding;
}

export type StructureProblemKind =
  | 'missing-open-brace' | 'unexpected-open-brace' | 'brace-in-value-block' | 'close-at-top-level' | 'value-block-arguments'
  | 'missing-close-brace';

export interface StructureProblem {
  kind: StructureProblemKind;
  span: Span;
  /** The keyword involved (the block that lacks `{`, or the line before an unexpected `{`). */
  node?: ConfigNode;
}

export interface ConfigTree {
  roots: ConfigNode[];
  /** Every node in source order. */
  all: ConfigNode[];
  problems: StructureProblem[];
}

type EventType = 'line' | 'open' | 'close';

/**
 * Replays the syntax tree in keepalived's reading order: lines, `{` and `}`. The event's parts
 * are arguments rather than an object: big files have ~100k events per lint.
 */
type Visit = (type: EventType, span: Span | undefined, statement?: StatementNode, syntacticParent?: StatementNode) => void;

function walk(items: ItemNode[], parent: StatementNode | undefined, visit: Visit): void {
  for (const item of items) {
    if (item.type === 'stray-close') {
      visit('close', item.span);
      continue;
    }
    let block: BlockNode | undefined;
    let owner = parent;
    if (item.type === 'statement') {
      visit('line', undefined, item, parent);
      block = item.block;
      owner = item;
    } else block = item;
    if (!block) continue;
    visit('open', block.open);
    walk(block.items, owner, visit);
    if (block.close) visit('close', block.close);
  }
}

interface Frame {
  kind: 'keywords' | 'values';
  context: string;
  owner?: ConfigNode;
  needOpen: boolean;
}

/**
 * Each keepalived process (vrrp, checker, bfd, and the parent) reads the whole file but skips,
 * by counting braces, the top-level blocks of the other processes. Pass `process` to replay
 * one of them; without it every block is read (the view the rules work on).
 */
export function buildConfigTree(items: ItemNode[], schema: KeywordSchema, process?: string): ConfigTree {
  const tree: ConfigTree = { roots: [], all: [], problems: [] };
  const stack: Frame[] = [{ kind: 'keywords', context: ROOT_CONTEXT, needOpen: false }];
  let previous: ConfigNode | undefined;
  let cause: ConfigNode | undefined;
  /** -1: an inactive block keyword was read and its `{` is expected; >0: brace depth being skipped. */
  let skip = 0;

  walk(items, undefined, (type, span, line, syntacticParent) => {
    if (skip === -1) {
      skip = type === 'open' ? 1 : 0;
      if (skip) return;
    } else if (skip > 0) {
      if (type === 'open') skip++;
      else if (type === 'close') skip--;
      return;
    }
    const frame = stack[stack.length - 1];
    if (frame.needOpen) {
      frame.needOpen = false;
      if (type === 'open' && stack.length > 1) return;
      // A value block without `{` only gets a log line from keepalived; a keyword block an error.
      if (frame.kind === 'keywords') tree.problems.push({ kind: 'missing-open-brace', span: frame.owner!.keyword.span, node: frame.owner });
    }
    if (type === 'close') {
      if (stack.length > 1) stack.pop();
      else tree.problems.push({ kind: 'close-at-top-level', span: span!, node: cause });
      return;
    }
    if (type === 'open') {
      if (frame.kind === 'values') {
        tree.problems.push({ kind: 'brace-in-value-block', span: span!, node: frame.owner });
        cause = frame.owner;
      } else {
        tree.problems.push({ kind: 'unexpected-open-brace', span: span!, node: previous });
        cause = previous;
      }
      return;
    }
    const statement = line!;
    if (frame.kind === 'values') {
      const owner = frame.owner!;
      if (owner.items === NONE) owner.items = [];
      owner.items.push(statement);
      return;
    }
    const keyword = statement.words[0];
    const args = statement.words.slice(1);
    const lookup = schema.find(frame.context, keyword.value);
    const owner = stack.length === 1 ? lookup?.def.process : undefined;
    if (process && owner && owner !== 'all' && !owner.split('+').includes(process)) {
      skip = -1;
      return;
    }
    // Every field set up front: one object shape for all nodes, no property store added later.
    const node: ConfigNode = {
      statement, keyword, args, context: frame.context, parent: frame.owner, children: NONE, items: NONE,
      lookup: undefined, def: undefined, displacedBy: undefined, binding: undefined,
    };
    if (syntacticParent !== frame.owner?.statement) node.displacedBy = cause;
    if (lookup) {
      node.lookup = lookup;
      if (lookup.availability === 'available') node.def = lookup.def;
    }
    if (frame.owner?.children === NONE) frame.owner.children = [];
    (frame.owner ? frame.owner.children : tree.roots).push(node);
    tree.all.push(node);
    previous = node;
    // A keyword of the other dialect still shapes its block the way the author meant (the
    // config most likely runs on that dialect, so one diagnostic beats a cascade). Keywords the
    // target version or the fork lacks cascade exactly as keepalived does.
    const shaping = lookup && (lookup.availability === 'available' || lookup.availability === 'other-dialect');
    const shape = shaping ? lookup.def.kind : undefined;
    if (shape === 'block') stack.push({ kind: 'keywords', context: lookup!.def.path, owner: node, needOpen: true });
    else if (shape === 'value_block') {
      stack.push({ kind: 'values', context: lookup!.def.path, owner: node, needOpen: true });
      if (lookup!.def.takes_no_arguments && args.length > 0) tree.problems.push({ kind: 'value-block-arguments', span: args[0].span, node });
    }
  });
  // Blocks keepalived still has open at the end of the file ("missing '}'s").
  for (const frame of stack.slice(1)) {
    const owner = frame.owner!;
    tree.problems.push({ kind: 'missing-close-brace', span: owner.statement.block?.open ?? owner.keyword.span, node: owner });
  }
  return tree;
}

/** Walks up to the nearest ancestor whose keyword is `name`. */
export function ancestor(node: ConfigNode, name: string): ConfigNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.keyword.value === name) return p;
  return undefined;
}

export function childrenNamed(node: ConfigNode, name: string): ConfigNode[] {
  return node.children.filter((c) => c.keyword.value === name);
}

export function firstChild(node: ConfigNode, name: string): ConfigNode | undefined {
  return node.children.find((c) => c.keyword.value === name);
}

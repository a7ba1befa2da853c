// Named objects (vrrp_script, vrrp_instance, local_address_group, ...) and the places that
// refer to them. Which keyword defines or references what comes from the keyword data
// (`defines`, `ref`); the few references hidden in irregular grammars are listed here.
import type { WordNode } from '../../../../grammar/index.js';
import type { KeywordSchema } from '../../../../grammar/keywords/index.js';
import type { ConfigNode, ConfigTree } from './config-tree.js';
import { itemBinding, itemShape, lineBinding, wordAfter } from './items.js';

export interface SymbolDefinition {
  kind: string;
  name: string;
  word: WordNode;
  node: ConfigNode;
}

export interface SymbolReference {
  kind: string;
  name: string;
  word: WordNode;
  /** The keyword line or value block the reference sits in. */
  node: ConfigNode;
}

export interface SymbolTable {
  definitions: SymbolDefinition[];
  references: SymbolReference[];
  /** Definitions by `${kind}:${name}`. */
  byKey: Map<string, SymbolDefinition[]>;
}

export const symbolKey = (kind: string, name: string) => `${kind}:${name}`;

/** Grammars whose items can name a track_group (`... track_group NAME`). */
const TRACK_GROUP_GRAMMARS = new Set(['@ip_address_spec', '@route_spec', '@rule_spec']);

/**
 * The kind of object named by the word after `word` where the keyword data has no `ref`:
 * `virtual_server group NAME`, `... track_group NAME` in address, route and rule lines.
 */
export function referenceAfter(keywordPath: string, word: string, grammar?: string): string | undefined {
  if (keywordPath === 'virtual_server' && word === 'group') return 'virtual_server_group';
  if (word === 'track_group' && grammar && TRACK_GROUP_GRAMMARS.has(grammar)) return 'track_group';
  return undefined;
}

function collectNode(node: ConfigNode, schema: KeywordSchema, table: SymbolTable): void {
  const def = node.def;
  if (!def) return;
  const reference = (kind: string, word: WordNode) => table.references.push({ kind, name: word.value, word, node });
  if (def.defines && node.args[0]) {
    table.definitions.push({ kind: def.defines, name: node.args[0].value, word: node.args[0], node });
  }
  const binding = lineBinding(node);
  for (const b of binding?.bound ?? []) if (b.spec.type === 'ref' && b.spec.ref) reference(b.spec.ref, b.word);
  const named = node.args[0] && referenceAfter(def.path, node.args[0].value);
  if (named && node.args[1]) reference(named, node.args[1]);
  if (def.kind !== 'value_block') return;
  const shape = itemShape(def, schema);
  if (!shape) return;
  for (const item of node.items) {
    for (const b of itemBinding(shape, item)?.bound ?? []) if (b.spec.type === 'ref' && b.spec.ref) reference(b.spec.ref, b.word);
    const group = referenceAfter(def.path, 'track_group', shape.grammar) ? wordAfter(item.words, 'track_group') : undefined;
    if (group) reference('track_group', group);
  }
}

export function buildSymbolTable(tree: ConfigTree, schema: KeywordSchema): SymbolTable {
  const table: SymbolTable = { definitions: [], references: [], byKey: new Map() };
  for (const node of tree.all) collectNode(node, schema, table);
  for (const d of table.definitions) {
    const key = symbolKey(d.kind, d.name);
    const same = table.byKey.get(key);
    if (same) same.push(d);
    else table.byKey.set(key, [d]);
  }
  return table;
}

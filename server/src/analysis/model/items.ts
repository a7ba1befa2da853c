// Argument bindings of keyword lines and of value-block items, driven by the keyword data.
import type { StatementNode, WordNode } from '../../../../grammar/index.js';
import type { ArgSpec, KeywordDef, KeywordSchema, OptionSpec } from '../../../../grammar/keywords/index.js';
import { bindArgs, type ArgBinding } from './args.js';
import type { ConfigNode } from './config-tree.js';

/** The binding of a keyword line (words after the keyword). */
export function lineBinding(node: ConfigNode): ArgBinding | undefined {
  const def = node.def ?? node.lookup?.def;
  if (!def) return undefined;
  node.binding ??= bindArgs(def.args, def.options, node.keyword, node.args);
  return node.binding;
}

export interface ItemShape {
  args?: readonly ArgSpec[];
  options?: readonly OptionSpec[] | null;
  /** Name of an irregular item grammar (`@ip_address_spec`, `@route_spec`, ...). */
  grammar?: string;
}

/** How a data line of the value block `def` is shaped. */
export function itemShape(def: KeywordDef, schema: KeywordSchema): ItemShape | undefined {
  const item = def.item;
  if (!item) return undefined;
  if (item.args) return { args: item.args, options: item.options };
  const grammar = item.grammar ? schema.grammar(item.grammar) : undefined;
  if (grammar?.args) return { args: grammar.args, options: grammar.options };
  return { grammar: item.grammar };
}

/**
 * Binding of one data line. Lists with a single argument and no options (sync-group members,
 * interfaces, e-mail addresses) take every word on the line, as keepalived does.
 */
export function itemBinding(shape: ItemShape, item: StatementNode): ArgBinding | undefined {
  if (!shape.args) return undefined;
  const [first, ...rest] = item.words;
  if (shape.args.length === 1 && !shape.options?.length) {
    const spec = shape.args[0];
    return { bound: item.words.map((word) => ({ name: spec.name, spec, word })), missing: [], missingOptionValues: [], extra: [] };
  }
  return bindArgs(shape.args, shape.options, first, [first, ...rest]);
}

/** The value of a word that follows `option` on an item line (`dev eth0`, `track_group G`). */
export function wordAfter(words: readonly WordNode[], option: string): WordNode | undefined {
  const i = words.findIndex((w) => w.value === option);
  return i >= 0 ? words[i + 1] : undefined;
}

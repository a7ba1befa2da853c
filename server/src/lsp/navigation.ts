// Go to definition, find references and rename for named objects (vrrp_script, vrrp_instance,
// local_address_group, ...) and `$NAME` definitions. The occurrences are gathered from every
// config of the navigation scope (navigation-scope.ts): the file's own parse, the configs that
// include it and the other configs of its host, so a name used across an include tree is found
// whichever file the request starts in.
import type { ParseResult, Span, WordNode } from '../../../grammar/index.js';
import type { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { ConfigTree } from '../analysis/model/config-tree.js';
import { buildSymbolTable, symbolKey, type SymbolTable } from '../analysis/model/symbols.js';

/** One parsed config (every `@id` line kept) and its tree: what navigation searches. */
export interface NavigationView {
  parse: ParseResult;
  tree: ConfigTree;
}

/** A place in a file, by path (file ids differ between the configs of a scope). */
export interface Occurrence {
  path: string;
  start: number;
  end: number;
}

export interface SymbolOccurrences {
  name: string;
  /** What the object is (`vrrp_script`, ...); '$NAME' for a definition of the preprocessor. */
  kind: string;
  /** Names of the other objects of the kind (a rename must not take one). */
  taken: Set<string>;
  definitions: Occurrence[];
  references: Occurrence[];
  /** Why the occurrences cannot be renamed in place (a `$NAME` expansion or a quoted word); undefined when they can. */
  notRenamable?: string;
}

const symbolTables = new WeakMap<ConfigTree, SymbolTable>();
/** Symbol tables are built once per tree (views are cached by the scope while their texts hold). */
function symbolsOf(view: NavigationView, schema: KeywordSchema): SymbolTable {
  let table = symbolTables.get(view.tree);
  if (!table) symbolTables.set(view.tree, (table = buildSymbolTable(view.tree, schema)));
  return table;
}

const occurrence = (view: NavigationView, span: Span): Occurrence => ({ path: view.parse.files[span.file].path, start: span.start, end: span.end });

/** Occurrences in the order found, each place once (the same file can be read by several configs). */
function unique(list: Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return list.filter((o) => {
    const key = `${o.path}\u0000${o.start}\u0000${o.end}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

/** The `$NAME` or named object at `offset` of `path`, as the first view that reads `path` sees it. */
function hitAt(views: readonly NavigationView[], path: string, offset: number, schema: KeywordSchema): { variable: string } | { kind: string; name: string } | undefined {
  for (const view of views) {
    const inFile = (span: Span) => view.parse.files[span.file]?.path === path && span.start <= offset && offset <= span.end;
    if (!view.parse.files.some((f) => f.path === path)) continue;
    const variable = view.parse.references.find((r) => inFile(r.span))?.name ?? view.parse.definitions.find((d) => inFile(d.span))?.name;
    if (variable) return { variable };
    const symbols = symbolsOf(view, schema);
    const hit = [...symbols.definitions, ...symbols.references].find((s) => inFile(s.word.span));
    if (hit) return { kind: hit.kind, name: hit.name };
  }
  return undefined;
}

/** Every occurrence of the `$NAME` or named object under the cursor, across the views. */
export function symbolAt(views: readonly NavigationView[], path: string, offset: number, schema: KeywordSchema): SymbolOccurrences | undefined {
  const hit = hitAt(views, path, offset, schema);
  if (!hit) return undefined;
  const taken = new Set<string>();
  const definitions: Occurrence[] = [];
  const references: Occurrence[] = [];
  if ('variable' in hit) {
    for (const view of views) {
      for (const d of view.parse.definitions) {
        if (d.name === hit.variable) definitions.push(occurrence(view, { ...d.span, start: d.span.start + 1 }));
        else taken.add(d.name);
      }
      for (const r of view.parse.references) if (r.name === hit.variable) references.push(occurrence(view, r.span));
    }
    return { name: hit.variable, kind: '$NAME', taken, definitions: unique(definitions), references: unique(references), notRenamable: 'renaming a $NAME definition is not supported' };
  }
  const key = symbolKey(hit.kind, hit.name);
  const words: WordNode[] = [];
  for (const view of views) {
    const symbols = symbolsOf(view, schema);
    for (const d of symbols.byKey.get(key) ?? []) (words.push(d.word), definitions.push(occurrence(view, d.word.span)));
    for (const r of symbols.references) if (symbolKey(r.kind, r.name) === key) (words.push(r.word), references.push(occurrence(view, r.word.span)));
    for (const d of symbols.definitions) if (d.kind === hit.kind && d.name !== hit.name) taken.add(d.name);
  }
  const via = words.find((w) => w.via)?.via;
  const notRenamable = via ? `a use of ${hit.name} comes from the expansion of $${via}` : words.some((w) => w.quoted) ? `${hit.name} is quoted at a use` : undefined;
  return { name: hit.name, kind: hit.kind, taken, definitions: unique(definitions), references: unique(references), notRenamable };
}

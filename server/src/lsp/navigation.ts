// Go to definition, find references and rename for named objects (vrrp_script, vrrp_instance,
// local_address_group, ...) and `$NAME` definitions, across included files.
import type { Span, WordNode } from '../../../grammar/index.js';
import { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { LintSettings } from '../analysis/index.js';
import { buildSymbolTable, symbolKey } from '../analysis/model/symbols.js';
import type { Analysis } from './analyzer.js';

export interface SymbolOccurrences {
  name: string;
  /** What the object is (`vrrp_script`, ...); '$NAME' for a definition of the preprocessor. */
  kind: string;
  /** Names of the other objects of the kind (a rename must not take one). */
  taken: Set<string>;
  definitions: Span[];
  references: Span[];
  /** False when an occurrence comes from a `$NAME` expansion and cannot be renamed in place. */
  renamable: boolean;
}

const contains = (span: Span, offset: number) => span.file === 0 && span.start <= offset && offset <= span.end;

/** The named object or `$NAME` under the cursor (file 0 is the open document). */
export function symbolAt(analysis: Analysis, offset: number, settings: Partial<LintSettings>): SymbolOccurrences | undefined {
  const { parse, view } = analysis.result;
  const variable = parse.references.find((r) => contains(r.span, offset))?.name ?? parse.definitions.find((d) => contains(d.span, offset))?.name;
  if (variable) {
    return {
      name: variable,
      kind: '$NAME',
      taken: new Set(parse.definitions.map((d) => d.name).filter((n) => n !== variable)),
      definitions: parse.definitions.filter((d) => d.name === variable).map((d) => ({ ...d.span, start: d.span.start + 1 })),
      references: parse.references.filter((r) => r.name === variable).map((r) => r.span),
      renamable: false,
    };
  }
  const symbols = buildSymbolTable(view.tree, KeywordSchema.for(settings.dialect ?? 'keepalived', settings.keepalivedVersion));
  const hit = [...symbols.definitions, ...symbols.references].find((s) => contains(s.word.span, offset));
  if (!hit) return undefined;
  const key = symbolKey(hit.kind, hit.name);
  const words: WordNode[] = [];
  const definitions = (symbols.byKey.get(key) ?? []).map((d) => (words.push(d.word), d.word.span));
  const references = symbols.references.filter((r) => symbolKey(r.kind, r.name) === key).map((r) => (words.push(r.word), r.word.span));
  const taken = new Set(symbols.definitions.filter((d) => d.kind === hit.kind && d.name !== hit.name).map((d) => d.name));
  return { name: hit.name, kind: hit.kind, taken, definitions, references, renamable: words.every((w) => !w.via && !w.quoted) };
}

// Go to definition, find references and rename for named objects (vrrp_script, vrrp_instance,
// local_address_group, ...) and `$NAME` definitions, across included files.
import type { Span, WordNode } from '../../../grammar/index.js';
import { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { LintSettings } from '../analysis/index.js';
import { buildSymbolTable, symbolKey } from '../analysis/model/symbols.js';
import type { Analysis } from './analyzer.js';

export interface SymbolOccurrences {
  name: string;
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
  return { name: hit.name, definitions, references, renamable: words.every((w) => !w.via && !w.quoted) };
}

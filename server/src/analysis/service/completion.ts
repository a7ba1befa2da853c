// Completion candidates at a position: keywords valid in the enclosing block, values of the
// keyword being written (enums, booleans), names of defined objects where a reference is
// expected, `$NAME` definitions, and host addresses where an address of this host is expected.
import { ROOT_CONTEXT, type KeywordDef, type KeywordSchema, type ValueSpec } from '../../../../grammar/keywords/index.js';
import type { HostFacts } from '../host/context.js';
import type { LintResult } from '../lint.js';
import { formatIp } from '../net/ip.js';
import { itemShape, type ItemShape } from '../model/items.js';
import { referenceAfter } from '../model/symbols.js';
import { enclosingBlock } from './locate.js';

export type CandidateKind = 'keyword' | 'block' | 'value' | 'reference' | 'variable' | 'address';

export interface Candidate {
  label: string;
  kind: CandidateKind;
  detail?: string;
  /** Keyword documentation in markdown, or the value's meaning. */
  documentation?: string;
  def?: KeywordDef;
}

export interface CompletionRequest {
  result: LintResult;
  schema: KeywordSchema;
  /** File index and offset of the cursor. */
  file: number;
  offset: number;
  /** The text of the cursor's line before the cursor. */
  linePrefix: string;
  facts?: HostFacts;
}

const BOOLEANS = ['true', 'false', 'yes', 'no', 'on', 'off'];
const OWN_ADDRESS = new Set(['local_address_group', 'vrrp_instance/unicast_src_ip', 'vrrp_instance/mcast_src_ip']);

/** `include` is read wherever a keyword may stand (keepalived handles it while reading lines). */
const INCLUDE: Candidate = { label: 'include', kind: 'keyword', detail: 'include PATH_GLOB', documentation: 'Reads the files matching the glob here, as if their lines were written in place.' };

/** Names of the defined objects of a kind (vrrp_script, virtual_server_group, ...). */
function namesOf(request: CompletionRequest, kind: string): Candidate[] {
  return request.result.view.tree.all.filter((n) => n.def?.defines === kind && n.args[0]).map((n) => ({ label: n.args[0].value, kind: 'reference' as const, detail: kind }));
}

function valueCandidates(request: CompletionRequest, spec: ValueSpec | undefined, def: KeywordDef): Candidate[] {
  if (!spec) return [];
  if (spec.type === 'enum') return request.schema.enumValues(def, spec).values.map((label) => ({ label, kind: 'value' as const, detail: def.name }));
  if (spec.type === 'bool') return BOOLEANS.map((label) => ({ label, kind: 'value' as const }));
  if (spec.type === 'ref' && spec.ref) return namesOf(request, spec.ref);
  return [];
}

/** Words after the first of a data line: option words of the item (`dev`, `brd`, `label` after a VIP), or a name they take. */
function itemWordCandidates(request: CompletionRequest, block: KeywordDef, shape: ItemShape | undefined, words: string[], position: number): Candidate[] {
  if (!shape || position === 0) return [];
  const named = referenceAfter(block.path, words[position - 1] ?? '', shape.grammar);
  if (named) return namesOf(request, named);
  const option = shape.options?.find((o) => o.word === words[position - 1]);
  if (option) return valueCandidates(request, option.value ?? undefined, block);
  const grammar = shape.grammar ? request.schema.grammar(shape.grammar) : undefined;
  const optionWords = [...(shape.options ?? []).map((o) => o.word), ...(grammar?.words ?? [])];
  return optionWords.filter((w) => !words.slice(0, position).includes(w)).map((label) => ({ label, kind: 'keyword' as const, detail: grammar?.syntax }));
}

/** Whether the cursor is inside a comment (`#` or `!` to the end of the line). */
function inComment(request: CompletionRequest): boolean {
  return request.result.parse.comments.some((c) => c.span.file === request.file && c.span.start < request.offset && request.offset <= c.span.end);
}

function addressCandidates(request: CompletionRequest, path: string): Candidate[] {
  const facts = request.facts;
  if (!facts?.self) return [];
  const hosts = path === 'vrrp_instance/unicast_peer' ? facts.hosts.filter((h) => h !== facts.self) : OWN_ADDRESS.has(path) ? [facts.self] : [];
  return hosts.flatMap((h) => h.addresses.map((a) => ({ label: formatIp(a.address), kind: 'address' as const, detail: `${h.name}${a.interface ? ` ${a.interface}` : ''}` })));
}

export function completionCandidates(request: CompletionRequest): Candidate[] {
  const { tree } = request.result.view;
  if (inComment(request)) return [];
  if (/\$\{?[A-Za-z_]*$/.test(request.linePrefix)) {
    return request.result.parse.definitions.map((d) => ({ label: d.name, kind: 'variable', detail: d.multiline ? 'multi-line definition' : d.value }));
  }
  const block = enclosingBlock(tree, request.file, request.offset);
  // What follows the last brace on the line is a statement of its own (`track_script { chk_`).
  const statement = request.linePrefix.slice(Math.max(request.linePrefix.lastIndexOf('{'), request.linePrefix.lastIndexOf('}')) + 1);
  const words = statement.trim().split(/\s+/).filter(Boolean);
  const typing = !/[\s{}]$/.test(statement === '' ? ' ' : statement) && words.length > 0;
  const position = typing ? words.length - 1 : words.length;
  if (block?.def?.kind === 'value_block') {
    // Data lines: names of defined objects (track_script, sync-group members ...) or host addresses.
    const shape = itemShape(block.def, request.schema);
    const first = shape?.args?.[0];
    const named = position === 0 && first?.type === 'ref' ? valueCandidates(request, first, block.def) : [];
    if (position > 0) return itemWordCandidates(request, block.def, shape, words, position);
    return [...named, ...addressCandidates(request, block.def.path)];
  }
  const context = block?.def?.path ?? (block ? undefined : ROOT_CONTEXT);
  if (!context) return [];
  if (position === 0) {
    return [...request.schema.keywords(context).map((def): Candidate => ({ label: def.name, kind: def.kind === 'option' ? 'keyword' : 'block', detail: def.syntax, def })), INCLUDE];
  }
  const def = request.schema.lookup(context, words[0]);
  if (!def) return [];
  const args = def.args ?? [];
  const previous = words[position - 1];
  const named = referenceAfter(def.path, previous);
  if (named && position === 2) return namesOf(request, named);
  const option = def.options?.find((o) => o.word === previous);
  if (option) return valueCandidates(request, option.value ?? undefined, def);
  const arg = args[position - 1];
  const values = valueCandidates(request, arg, def);
  const options = (def.options ?? []).filter((o) => !words.includes(o.word)).map((o) => ({ label: o.word, kind: 'keyword' as const, detail: def.syntax }));
  return [...values, ...(position > args.filter((a) => !a.optional).length ? options : []), ...(OWN_ADDRESS.has(def.path) ? addressCandidates(request, def.path) : [])];
}

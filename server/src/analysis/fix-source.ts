// Where a fix may edit by itself: only source text that keepalived reads once, as written.
// Text inside a `$NAME` use, a `~SEQ`/`~LST` line or an `@id` line this variant skips is an
// expansion (or invisible): an edit computed from what it expanded to would rewrite the use
// (`$CHK` -> `lvs_sched`) and break the config. Such a fix stays as a suggestion without edits,
// whose title says what to change by hand. A fix inside a `$NAME=` definition is kept only
// when every use of the definition reports that same fix: then it edits the definition once.
// This runs inside `lint`, so `--fix` and the editor's quick fixes see the same fixes.
import type { ConditionalInfo, DefinitionInfo, ItemNode, ParseResult, Span } from '../../../grammar/index.js';
import type { Diagnostic, Fix, TextEdit } from './types.js';

interface Region {
  start: number;
  end: number;
  /** Why an edit here is not automatic (for the suggestion's title). */
  reason: string;
  /** Set for the value of a `$NAME=` definition. */
  definition?: DefinitionInfo;
}

/**
 * Where each word expanded from a `$NAME` definition is written, by the word's span object:
 * a rule's edit of `word.span` (the use) then edits the definition instead.
 */
export function writtenSpans(parse: ParseResult): Map<Span, Span> {
  const out = new Map<Span, Span>();
  if (parse.references.length === 0) return out;
  const visit = (items: readonly ItemNode[]) => {
    for (const item of items) {
      if (item.type === 'stray-close') continue;
      if (item.type === 'block') visit(item.items);
      else {
        for (const word of item.words) if (word.written) out.set(word.span, word.written);
        if (item.block) visit(item.block.items);
      }
    }
  };
  visit(parse.document.items);
  return out;
}

const LINE_BREAK = /\r\n?|\n/g;

function lineEnd(text: string, at: number): number {
  LINE_BREAK.lastIndex = at;
  return LINE_BREAK.exec(text)?.index ?? text.length;
}

/** Offsets of each line: [start, end) without its line break. */
function lines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let start = 0; start <= text.length;) {
    const end = lineEnd(text, start);
    out.push([start, end]);
    if (end === text.length) break;
    start = end + (text.startsWith('\r\n', end) ? 2 : 1);
  }
  return out;
}

const REPLICATION = /^[ \t]*(?:@\^?\S*[ \t]+)?~/;

/** Whether an `@id` line is read when checking `configId` (every line is, for the union). */
export function readsConditional(conditional: ConditionalInfo, configId: string | undefined): boolean {
  return configId === undefined || (conditional.id === configId) !== conditional.negated;
}

/** The value of a definition: after `$NAME=` (the span covers `$NAME`) up to the end of its last continuation line. */
function definitionRegion(text: string, definition: DefinitionInfo): Region {
  let end = lineEnd(text, definition.span.end);
  while (definition.multiline && end < text.length) {
    const start = end + (text.startsWith('\r\n', end) ? 2 : 1);
    const stop = lineEnd(text, start);
    const line = text.slice(start, stop).replace(/[ \t]*[#!].*$/, '').trimEnd();
    if (line === '') break;
    end = stop;
    if (!line.endsWith('\\')) break;
  }
  return { start: definition.span.end + 1, end, reason: `it is in the definition of $${definition.name}, which is used elsewhere without this problem`, definition };
}

function regionsOf(parse: ParseResult, configId: string | undefined): Map<number, Region[]> {
  const regions = new Map<number, Region[]>();
  const add = (file: number, region: Region) => {
    let list = regions.get(file);
    if (!list) regions.set(file, (list = []));
    list.push(region);
  };
  for (const ref of parse.references) add(ref.span.file, { start: ref.span.start, end: ref.span.end, reason: `the text comes from $${ref.name}` });
  for (const definition of parse.definitions) {
    const text = parse.files[definition.span.file]?.text ?? '';
    add(definition.span.file, { start: definition.span.start, end: definition.span.end + 1, reason: `it would rename $${definition.name}` });
    add(definition.span.file, definitionRegion(text, definition));
  }
  for (const conditional of parse.conditionals) {
    if (readsConditional(conditional, configId)) continue;
    const text = parse.files[conditional.span.file]?.text ?? '';
    add(conditional.span.file, { start: conditional.span.start, end: lineEnd(text, conditional.span.start), reason: `the line is not read with config id ${configId}` });
  }
  for (const file of parse.files) {
    if (!file.text.includes('~')) continue;
    for (const [start, end] of lines(file.text)) {
      if (REPLICATION.test(file.text.slice(start, end))) add(file.id, { start, end, reason: 'the line is replicated by ~SEQ/~LST' });
    }
  }
  return regions;
}

/** An edit touches a region when it overlaps it; an insertion also when it glues to its edge. */
function touches(edit: TextEdit, region: Region): boolean {
  if (edit.start === edit.end) return region.start <= edit.start && edit.start <= region.end;
  return edit.start < region.end && region.start < edit.end;
}

const fixKey = (rule: string, fix: Fix) => JSON.stringify([rule, fix.edits.map((e) => [e.path, e.start, e.end, e.newText])]);

/** A suggestion without edits: what the fix would do, and why it is left to the author. */
export function byHand(fix: Fix, reason: string): Fix {
  return { title: `${fix.title} (by hand: ${reason})`, edits: [] };
}

/** The diagnostic with its fix turned into a suggestion to apply by hand. */
function demote(d: Diagnostic, reason: string, suggestions = d.suggestions): Diagnostic {
  const { fix, ...rest } = d;
  const all = [...(fix ? [byHand(fix, reason)] : []), ...(suggestions ?? [])];
  return all.length > 0 ? { ...rest, suggestions: all } : rest;
}

/** Keeps each fix that edits source text only; turns the others into suggestions to apply by hand. */
export function guardFixes(diagnostics: Diagnostic[], parse: ParseResult, configId?: string): Diagnostic[] {
  if (!diagnostics.some((d) => d.fix || d.suggestions)) return diagnostics;
  const regions = regionsOf(parse, configId);
  const fileIds = new Map(parse.files.map((f) => [f.path, f.id]));
  const reported = new Map<string, number>();
  for (const d of diagnostics) if (d.fix) reported.set(fixKey(d.rule, d.fix), (reported.get(fixKey(d.rule, d.fix)) ?? 0) + 1);
  const uses = (definition: DefinitionInfo) => parse.references.filter((r) => r.definition?.span?.file === definition.span.file && r.definition.span.start === definition.span.start).length;
  const blocker = (rule: string, fix: Fix): string | undefined => {
    for (const edit of fix.edits) {
      const file = fileIds.get(edit.path);
      // Edits in files this parse did not read (a peer, the workspace file) are checked by their own lint.
      const region = file === undefined ? undefined : regions.get(file)?.find((r) => touches(edit, r));
      if (!region) continue;
      const inValue = region.definition && region.start <= edit.start && edit.end <= region.end;
      if (!inValue || (reported.get(fixKey(rule, fix)) ?? 0) < uses(region.definition!)) return region.reason;
    }
    return undefined;
  };
  return diagnostics.map((d) => {
    const reason = d.fix && blocker(d.rule, d.fix);
    const suggestions = d.suggestions?.map((s) => {
      const why = blocker(d.rule, s);
      return why ? byHand(s, why) : s;
    });
    if (reason) return demote(d, reason, suggestions);
    return suggestions === d.suggestions ? d : { ...d, suggestions };
  });
}

/**
 * A fix found in some variants of a conditional config is kept only when every variant that
 * reports it proposes the same edits, and the variants that do not report it never read them.
 */
export function guardVariantFix(diagnostic: Diagnostic, variants: ReadonlyArray<{ id: string; diagnostic: Diagnostic }>, ids: readonly string[], union: ParseResult): Diagnostic {
  const fix = diagnostic.fix;
  if (!fix) return diagnostic;
  const key = fixKey(diagnostic.rule, fix);
  if (variants.some((v) => !v.diagnostic.fix || fixKey(v.diagnostic.rule, v.diagnostic.fix) !== key)) return demote(diagnostic, 'the config ids need different fixes');
  const where = new Set(variants.map((v) => v.id));
  if (where.size === ids.length) return diagnostic;
  const readers = (c: ConditionalInfo) => ids.filter((id) => readsConditional(c, id));
  const ownLine = (edit: TextEdit) => union.conditionals.some((c) => {
    const file = union.files[c.span.file];
    return file?.path === edit.path && c.span.start <= edit.start && edit.end <= lineEnd(file.text, c.span.start) && readers(c).every((id) => where.has(id));
  });
  return fix.edits.every(ownLine) ? diagnostic : demote(diagnostic, `only config id ${[...where].join(', ')} needs it`);
}

// Incremental parsing for the editor: after an edit, only the top-level items the edit touched
// are parsed again; the items before them are reused and the ones after are shifted.
// That is exact only when every line reads the same wherever it sits, so a file with
// definitions, `$` references, `@id` lines, `~SEQ`/`~LST` or includes is parsed whole.
import type { BlockNode, ItemNode, StatementNode, WordNode } from './ast.js';
import { braceIssues, parse, type ParseOptions, type ParseResult } from './parse.js';
import type { Span } from './source.js';

export interface PreviousParse {
  text: string;
  result: ParseResult;
}

const BRACE_KINDS = new Set(['extra-close-brace', 'missing-close-brace']);
const REPLICATION_LINE = /(^|[\n\r])[ \t]*~/;

/** Whether nothing in a parse depends on lines before it (see the header). */
function contextFree(result: ParseResult): boolean {
  return result.files.length === 1 && result.includes.length === 0 && result.definitions.length === 0
    && result.references.length === 0 && result.conditionals.length === 0;
}

const shift = (span: Span, delta: number): Span => (delta === 0 ? span : { file: span.file, start: span.start + delta, end: span.end + delta });

function shiftWord(word: WordNode, delta: number): WordNode {
  const moved: WordNode = { value: word.value, span: shift(word.span, delta), quoted: word.quoted };
  if (word.via !== undefined) moved.via = word.via;
  return moved;
}

function shiftBlock(block: BlockNode, delta: number): BlockNode {
  const moved: BlockNode = { type: 'block', open: shift(block.open, delta), items: block.items.map((i) => shiftItem(i, delta)) };
  if (block.close) moved.close = shift(block.close, delta);
  return moved;
}

/** A copy of an item moved by `delta` characters (the previous parse stays intact). */
function shiftItem(item: ItemNode, delta: number): ItemNode {
  if (delta === 0) return item;
  if (item.type === 'stray-close') return { type: 'stray-close', span: shift(item.span, delta) };
  if (item.type === 'block') return shiftBlock(item, delta);
  const moved: StatementNode = { type: 'statement', words: item.words.map((w) => shiftWord(w, delta)) };
  if (item.block) moved.block = shiftBlock(item.block, delta);
  return moved;
}

const itemStart = (item: ItemNode): number => (item.type === 'statement' ? item.words[0].span.start : item.type === 'block' ? item.open.start : item.span.start);

/** Where an item ends; a block left open runs to the end of the file (it takes every later line). */
function itemEndIn(item: ItemNode, textLength: number): number {
  if (item.type === 'stray-close') return item.span.end;
  const block = item.type === 'block' ? item : item.block;
  if (!block) return (item as StatementNode).words[(item as StatementNode).words.length - 1].span.end;
  return block.close ? block.close.end : textLength;
}

// Lines as keepalived reads them: only LF ends one (see Newline in tokens.ts).
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Where the line break after `offset` starts: at the CRs before the LF, which belong to it. */
function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) return text.length;
  while (end > offset && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** The whole lines of the old text that hold the edit, widened to whole top-level items. */
function editRegion(old: PreviousParse, changeStart: number, changeEnd: number) {
  const items = old.result.document.items;
  const itemEnd = (item: ItemNode) => itemEndIn(item, old.text.length);
  let start = lineStart(old.text, changeStart);
  let end = lineEnd(old.text, changeEnd);
  let first = 0;
  while (first < items.length && itemEnd(items[first]) < start) first++;
  let last = first; // exclusive
  for (;;) {
    while (last < items.length && itemStart(items[last]) <= end) last++;
    const widenedStart = first < last ? Math.min(start, lineStart(old.text, itemStart(items[first]))) : start;
    const widenedEnd = first < last ? Math.max(end, lineEnd(old.text, itemEnd(items[last - 1]))) : end;
    let widenedFirst = first;
    while (widenedFirst > 0 && itemEnd(items[widenedFirst - 1]) >= widenedStart) widenedFirst--;
    if (widenedStart === start && widenedEnd === end && widenedFirst === first) return { start, end, first, last };
    [start, end, first] = [widenedStart, widenedEnd, widenedFirst];
  }
}

/** Texts are compared a block at a time (a string comparison is a memcmp), then by character. */
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let n = 0;
  while (n + BLOCK <= shortest && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < shortest && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the common end of `a` and `b` that does not overlap their first `prefix` characters. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Parses `text`, reusing `previous` where the edit between them did not reach. */
export function reparse(previous: PreviousParse, path: string, text: string, options: ParseOptions = {}): ParseResult {
  return reparseRegion(previous, path, text, options) ?? parse(path, text, options);
}

function reparseRegion(previous: PreviousParse, path: string, text: string, options: ParseOptions): ParseResult | undefined {
  const old = previous.result;
  if (old.files[0].path !== path || !contextFree(old) || (text.includes('~') && REPLICATION_LINE.test(text))) return undefined;
  const oldText = previous.text;
  const prefix = commonPrefix(oldText, text);
  const suffix = commonSuffix(oldText, text, prefix);
  const delta = text.length - oldText.length;
  const region = editRegion(previous, prefix, oldText.length - suffix);
  const part = parse(path, text.slice(region.start, region.end + delta), options);
  if (!contextFree(part)) return undefined;
  const partItems = part.document.items.map((i) => shiftItem(i, region.start));
  // The parser gives a `{` to the line before it: the region must not end in a line whose
  // block is the next old item, nor start with a block the item before it would take.
  const before = old.document.items[region.first - 1];
  const after = old.document.items[region.last];
  const endsInLine = partItems.length > 0 ? partItems[partItems.length - 1].type === 'statement' && !(partItems[partItems.length - 1] as StatementNode).block : before?.type === 'statement' && !before.block;
  const startsWithBlock = partItems.length > 0 ? partItems[0].type === 'block' : after?.type === 'block';
  if ((endsInLine && after?.type === 'block') || (startsWithBlock && before?.type === 'statement' && !before.block)) return undefined;
  // A block the edit leaves open would take the rest of the file (fine when nothing follows).
  if (region.end < oldText.length && part.issues.some((i) => i.kind === 'missing-close-brace')) return undefined;
  const items = [...old.document.items.slice(0, region.first), ...partItems, ...old.document.items.slice(region.last).map((i) => shiftItem(i, delta))];
  const outside = <T extends { span: Span }>(list: T[], own: T[], move: (entry: T, span: Span) => T) => [
    ...list.filter((e) => e.span.end <= region.start),
    ...own.map((e) => move(e, shift(e.span, region.start))),
    ...list.filter((e) => e.span.start >= region.end).map((e) => (delta === 0 ? e : move(e, shift(e.span, delta)))),
  ];
  const issues = outside(old.issues.filter((i) => !BRACE_KINDS.has(i.kind)), part.issues.filter((i) => !BRACE_KINDS.has(i.kind)), (i, span) => ({ ...i, span }));
  const document = { items };
  braceIssues(document, issues);
  return {
    ...old,
    files: [{ id: 0, path, text }],
    comments: outside(old.comments, part.comments, (c, span) => ({ ...c, span })),
    issues,
    document,
  };
}

// One root diagnostic per fault. Two kinds of cascade are folded here, after the rules ran:
// - keepalived stops reading the configuration at some faults (a keyword missing its value):
//   what follows is never read by that process, so findings there are dropped and the
//   stopping finding says how many lines keepalived never reads;
// - a word that comes from a `$NAME` expansion carries the span of the `$NAME` use, so a fault
//   in the definition was reported at every use: when several uses report it, it is reported
//   once, at the definition, with the uses as related locations.
import type { ParseResult, Span, VariableReference } from '../../../grammar/index.js';
import type { ConfigNode } from './model/config-tree.js';
import type { Diagnostic, RelatedLocation } from './types.js';

/** Where a position is in keepalived's reading: include offsets from the main file down, then the offset. */
type ReadingKey = number[];

function readingKeys(parsed: ParseResult): (file: number, offset: number) => ReadingKey {
  const includer = new Map<number, [file: number, offset: number, index: number]>();
  for (const include of parsed.includes) include.files.forEach((file, index) => includer.set(file, [include.keywordSpan.file, include.keywordSpan.start, index]));
  return (file, offset) => {
    const key = [offset];
    for (let at = includer.get(file), depth = 0; at && depth < parsed.files.length; at = includer.get(at[0]), depth++) key.unshift(at[1], at[2]);
    return key;
  };
}

function compareKeys(a: ReadingKey, b: ReadingKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** keepalived's child processes; each reads the whole file but only its own top-level blocks. */
const PROCESSES = ['vrrp', 'checker', 'bfd'];

/** The processes that read a top-level node's block ('all', or unknown keywords, for every one). */
function readers(root: ConfigNode | undefined): string[] {
  const owner = root?.def?.process;
  return !owner || owner === 'all' ? PROCESSES : owner.split('+');
}

/**
 * Drops what keepalived never reads after a finding that stops its reading. A process stops at
 * the first such line in the blocks it reads; the others read on (corpus file 138: the vrrp
 * process stops in a vrrp_instance, the checker still reports the virtual_server below it).
 */
function dropUnread(parsed: ParseResult, roots: readonly ConfigNode[], diagnostics: Diagnostic[], stops: ReadonlySet<Diagnostic>): Diagnostic[] {
  if (stops.size === 0) return diagnostics;
  const keyOf = readingKeys(parsed);
  const fileIds = new Map(parsed.files.map((f) => [f.path, f.id]));
  const positionKey = (d: Diagnostic) => keyOf(fileIds.get(d.path) ?? 0, d.start);
  const starts = roots.map((root) => ({ root, key: keyOf(root.keyword.span.file, root.keyword.span.start) }));
  /** The top-level node a position is in (or follows). */
  const rootAt = (key: ReadingKey) => {
    let low = -1;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (compareKeys(starts[mid].key, key) <= 0) low = mid;
      else high = mid - 1;
    }
    return starts[low]?.root;
  };
  const lineEndKey = (d: Diagnostic) => {
    const file = fileIds.get(d.path) ?? 0;
    const end = parsed.files[file].text.indexOf('\n', d.start);
    return keyOf(file, end < 0 ? parsed.files[file].text.length : end);
  };
  /** Per process, the first stop in its blocks and where its line ends. */
  const stopOf = new Map<string, { stop: Diagnostic; last: ReadingKey }>();
  for (const stop of [...stops].sort((a, b) => compareKeys(positionKey(a), positionKey(b)))) {
    for (const process of readers(rootAt(positionKey(stop)))) if (!stopOf.has(process)) stopOf.set(process, { stop, last: lineEndKey(stop) });
  }
  const unreadBy = (key: ReadingKey, processes: string[]) => processes.every((p) => {
    const at = stopOf.get(p);
    return at !== undefined && compareKeys(key, at.last) > 0;
  });
  const firstStops = new Set([...stopOf.values()].map((s) => s.stop));
  const kept = diagnostics.filter((d) => firstStops.has(d) || !unreadBy(positionKey(d), readers(rootAt(positionKey(d)))));
  // The lines after a stop that no process reads.
  const unread = new Map<Diagnostic, number>();
  for (const file of parsed.files) {
    for (let at = file.text.indexOf('\n'); at >= 0 && at + 1 < file.text.length; at = file.text.indexOf('\n', at + 1)) {
      const key = keyOf(file.id, at + 1);
      const processes = readers(rootAt(key));
      if (!unreadBy(key, processes)) continue;
      const stop = stopOf.get(processes[0])!.stop;
      unread.set(stop, (unread.get(stop) ?? 0) + 1);
    }
  }
  return kept.map((d) => {
    const lines = unread.get(d);
    return lines ? { ...d, message: `${d.message} (keepalived never reads the ${lines} line${lines === 1 ? '' : 's'} after it, so they are not checked)` } : d;
  });
}

/** The resolved `$NAME` use whose span holds [start, end) in `file`, from uses sorted by start. */
function useAt(uses: VariableReference[] | undefined, start: number, end: number): VariableReference | undefined {
  if (!uses) return undefined;
  let low = 0;
  let high = uses.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (uses[mid].span.start <= start) low = mid;
    else high = mid - 1;
  }
  const use = uses[low];
  return use && use.span.start <= start && end <= use.span.end ? use : undefined;
}

/** Reports the findings in `$NAME` expansions once, at the definition. */
function atDefinitions(parsed: ParseResult, diagnostics: Diagnostic[]): Diagnostic[] {
  const byFile = new Map<number, VariableReference[]>();
  const useCount = new Map<Span, number>();
  for (const ref of parsed.references) {
    const definition = ref.definition?.span;
    // A use written in the file, not one inside another definition's expansion (which carries the outer use's span).
    if (!definition || !parsed.files[ref.span.file]?.text.slice(ref.span.start, ref.span.end).includes(ref.name)) continue;
    let list = byFile.get(ref.span.file);
    if (!list) byFile.set(ref.span.file, (list = []));
    list.push(ref);
    useCount.set(definition, (useCount.get(definition) ?? 0) + 1);
  }
  if (byFile.size === 0) return diagnostics;
  for (const list of byFile.values()) list.sort((a, b) => a.span.start - b.span.start);
  const fileIds = new Map(parsed.files.map((f) => [f.path, f.id]));
  const groups = new Map<string, { members: Diagnostic[]; definition: Span; name: string; uses: Set<Span> }>();
  const out: Array<Diagnostic | string> = [];
  for (const d of diagnostics) {
    const file = fileIds.get(d.path);
    const use = file === undefined ? undefined : useAt(byFile.get(file), d.start, d.end);
    if (!use) {
      out.push(d);
      continue;
    }
    const definition = use.definition!.span!;
    const key = `${definition.file}\u0000${definition.start}\u0000${d.rule}\u0000${d.message}`;
    const group = groups.get(key);
    if (group) {
      group.members.push(d);
      group.uses.add(use.span);
    } else {
      groups.set(key, { members: [d], definition, name: use.name, uses: new Set([use.span]) });
      out.push(key);
    }
  }
  const location = (span: Span) => ({ path: parsed.files[span.file].path, start: span.start, end: span.end });
  return out.flatMap((entry) => {
    if (typeof entry !== 'string') return [entry];
    const { members, definition, name, uses } = groups.get(entry)!;
    // A finding at one use only belongs to that use (keepalived reports it on that line).
    if (uses.size === 1) return members;
    const [first] = members;
    const total = useCount.get(definition) ?? uses.size;
    const where = uses.size === total ? `at each of its ${total} uses` : `at ${uses.size} of its ${total} uses`;
    const related: RelatedLocation[] = [...[...uses].map((span) => ({ ...location(span), message: `$${name} used here` })), ...(first.related ?? [])];
    return [{ ...first, ...location(definition), message: `${first.message} (in the definition of $${name}, found ${where})`, related }];
  });
}

export function rootDiagnostics(parsed: ParseResult, roots: readonly ConfigNode[], diagnostics: Diagnostic[], stops: ReadonlySet<Diagnostic>): Diagnostic[] {
  return atDefinitions(parsed, dropUnread(parsed, roots, diagnostics, stops));
}

// Adds or updates hosts in the text of keepalived-lint.yaml by splicing: only the values that
// change are rewritten, at their source ranges, so every other byte (BOM, line endings,
// comments, the spacing of untouched lists) stays as it was. New lines use the file's line
// ending and indentation.
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import type { HostEntry } from './host-entry.js';

/** What a key is set to: a scalar, a list of scalars or a mapping (interfaces). */
type Value = string | string[] | Map<string, Value>;
type Fields = Map<string, Value>;

/** A replacement of [start, end); of insertions at one offset, the deeper one (a nested mapping's end) goes first. */
interface Edit { start: number; end: number; text: string; depth?: number }

export type MergeAnswer = { text: string } | { problem: string };

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined);
const isBlockMap = (node: unknown): node is YAMLMap<Node, Node> => isMap(node) && !node.flow;
const isEmpty = (node: Node | null | undefined) => !node || (isScalar(node) && node.value === null);

/** A host's fields as values to write, and the keys to remove (addresses, once interfaces are known). */
function fieldsOf(entry: HostEntry): { fields: Fields; remove: string[] } {
  const fields: Fields = new Map();
  if (entry.labels) fields.set('labels', entry.labels);
  if (entry.interfaces) fields.set('interfaces', new Map(Object.entries(entry.interfaces)));
  if (entry.addresses) fields.set('addresses', entry.addresses);
  if (entry.firewall !== undefined) fields.set('firewall', entry.firewall);
  if (entry.ipvs !== undefined) fields.set('ipvs', entry.ipvs);
  return { fields, remove: entry.interfaces && Object.keys(entry.interfaces).length > 0 ? ['addresses'] : [] };
}

/** JSON of a value (Maps as objects, `__proto__` an ordinary key), for comparing with what the file holds. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v));

function lineStartIn(text: string, pos: number): number {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  return start === 0 && text.startsWith('\uFEFF') ? 1 : start;
}

class Splicer {
  readonly edits: Edit[] = [];
  /** Pending insertions at the end of each block mapping. */
  private readonly inserts = new Map<YAMLMap<Node, Node>, string[]>();

  constructor(private readonly doc: Document, readonly text: string, private readonly eol: string, private readonly unit: number) {}

  private lineStart(pos: number): number {
    return lineStartIn(this.text, pos);
  }

  private column(pos: number): number {
    return pos - this.lineStart(pos);
  }

  private lineEnd(pos: number): number {
    const newline = this.text.indexOf('\n', pos);
    return newline < 0 ? this.text.length : newline + 1;
  }

  /** Where a pair's text ends: after its value's last line (a comment trailing that line stays with it). */
  private pairEnd(pair: Pair<Node, Node>): number {
    const end = pair.value?.range?.[1] ?? pair.key.range![1];
    return this.text[end - 1] === '\n' ? end : this.lineEnd(end);
  }

  /** `key: value` as lines at `indent`: lists of scalars in flow style unless `blockLists`. */
  renderPair(key: string, value: Value, indent: number, blockLists = false): string[] {
    const doc = new Document(new Map([[key, value]]));
    visit(doc, { Seq: (_, seq) => void (seq.flow = !blockLists && seq.items.every(isScalar)) });
    const lines = doc.toString({ lineWidth: 0, indent: this.unit, blockQuote: 'literal' }).replace(/\n$/, '').split('\n');
    return lines.map((line) => (line ? ' '.repeat(indent) + line : line));
  }

  /** A value on one line (flow style), if it fits on one. */
  private renderInline(value: Value): string | undefined {
    const doc = new Document(value);
    visit(doc, { Map: (_, map) => void (map.flow = true), Seq: (_, seq) => void (seq.flow = true) });
    const text = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
    return text.includes('\n') ? undefined : text;
  }

  private lines(lines: string[], at: number): string {
    return this.text[at - 1] === '\n' || at === 0 ? lines.map((l) => l + this.eol).join('') : this.eol + lines.join(this.eol);
  }

  private replacePair(pair: Pair<Node, Node>, lines: string[]): void {
    const end = this.pairEnd(pair);
    const text = lines.join(this.eol) + (this.text[end - 1] === '\n' ? this.eol : '');
    this.edits.push({ start: this.lineStart(pair.key.range![0]), end, text });
  }

  /** Sets `key` in a block mapping; a new key goes after the mapping's last pair. */
  set(map: YAMLMap<Node, Node>, key: string, value: Value): void {
    const pair = map.items.find((p) => keyOf(p) === key);
    if (pair) return this.setValue(pair, key, value);
    let pending = this.inserts.get(map);
    if (!pending) this.inserts.set(map, (pending = []));
    pending.push(...this.renderPair(key, value, this.column(map.range![0])));
  }

  private setValue(pair: Pair<Node, Node>, key: string, value: Value): void {
    const old = pair.value;
    if (!isEmpty(old) && canonical(old!.toJS(this.doc)) === canonical(value)) return;
    if (value instanceof Map && value.size > 0 && isBlockMap(old)) return this.replaceMap(old, value);
    const inlineBefore = !isEmpty(old) && (!(isMap(old) || isSeq(old)) || old.flow);
    const inline = inlineBefore ? this.renderInline(value) : undefined;
    if (inline !== undefined) this.edits.push({ start: old!.range![0], end: old!.range![1], text: inline });
    else this.replacePair(pair, this.renderPair(key, value, this.column(pair.key.range![0]), isSeq(old) && !old.flow));
  }

  /** Makes a block mapping hold exactly `value`'s keys, editing only those that differ. */
  private replaceMap(map: YAMLMap<Node, Node>, value: Map<string, Value>): void {
    for (const [key, item] of value) this.set(map, key, item);
    for (const pair of map.items) if (!value.has(keyOf(pair) ?? '')) this.remove(map, keyOf(pair) ?? '');
  }

  remove(map: YAMLMap<Node, Node>, key: string): void {
    const pair = map.items.find((p) => keyOf(p) === key);
    if (pair) this.edits.push({ start: this.lineStart(pair.key.range![0]), end: this.pairEnd(pair), text: '' });
  }

  /** Replaces a pair's value with `value` written out whole (an empty or flow-style value). */
  rewrite(pair: Pair<Node, Node>, key: string, value: Value): void {
    const inline = isMap(pair.value) && pair.value.flow ? this.renderInline(value) : undefined;
    if (inline !== undefined) this.edits.push({ start: pair.value!.range![0], end: pair.value!.range![1], text: inline });
    else this.replacePair(pair, this.renderPair(key, value, this.column(pair.key.range![0])));
  }

  /** Appends lines at the end of the document. */
  append(lines: string[]): void {
    this.edits.push({ start: this.text.length, end: this.text.length, text: this.lines(lines, this.text.length) });
  }

  result(): string {
    for (const [map, lines] of this.inserts) {
      const last = map.items[map.items.length - 1];
      const at = this.pairEnd(last);
      this.edits.push({ start: at, end: at, text: this.lines(lines, at), depth: this.column(map.range![0]) });
    }
    let out = this.text;
    for (const edit of [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end || (a.depth ?? 0) - (b.depth ?? 0))) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return out;
  }
}

/** What a host holds after the update, as one value (for a host written out whole). */
function mergedHost(doc: Document, node: Node | null | undefined, fields: Fields, remove: string[]): Fields {
  const merged: Fields = new Map();
  if (isMap(node)) for (const pair of node.items as Pair<Node, Node>[]) merged.set(keyOf(pair) ?? '', pair.value?.toJS(doc) as Value);
  for (const [key, value] of fields) merged.set(key, value);
  for (const key of remove) merged.delete(key);
  return merged;
}

/** Spaces per level: how far the file indents host names, two by default. */
function indentUnit(text: string, hosts: Node | null | undefined): number {
  return isBlockMap(hosts) && hosts.items.length > 0 ? hosts.range![0] - lineStartIn(text, hosts.range![0]) || 2 : 2;
}

/**
 * Adds or updates hosts. Existing hosts keep their other keys (configs, firewall, ipvs) and
 * every comment; only the labels, interfaces and addresses given are replaced (addresses are
 * dropped once interfaces are known). An empty text gets `version: 1`.
 */
export function mergeHosts(text: string, entries: readonly HostEntry[]): MergeAnswer {
  const source = text || 'version: 1\n';
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return { problem: `it is not valid YAML (${doc.errors[0].message.split('\n')[0]}); fix it first` };
  const root = doc.contents as Node | null;
  if (!isEmpty(root) && !isBlockMap(root)) return { problem: 'its top level is not a block mapping' };
  const hostsPair = isBlockMap(root) ? root.items.find((p) => keyOf(p) === 'hosts') : undefined;
  const hosts = hostsPair?.value;
  if (!isEmpty(hosts) && !isMap(hosts)) return { problem: "its 'hosts' is not a mapping" };
  const edit = new Splicer(doc, source, source.includes('\r\n') ? '\r\n' : '\n', indentUnit(source, hosts));
  const wanted = new Map<string, { fields: Fields; remove: string[] }>();
  for (const entry of entries) {
    const { fields, remove } = fieldsOf(entry);
    const before = wanted.get(entry.name);
    wanted.set(entry.name, { fields: new Map([...(before?.fields ?? []), ...fields]), remove: [...(before?.remove ?? []), ...remove] });
  }
  const hostNode = (name: string) => (isMap(hosts) ? (hosts.items as Pair<Node, Node>[]).find((p) => keyOf(p) === name)?.value : undefined);
  if (!hostsPair || !isBlockMap(hosts)) {
    // No hosts yet, or a flow-style or empty `hosts:`: written out whole, existing hosts merged.
    const all: Fields = new Map(isMap(hosts) ? (hosts.items as Pair<Node, Node>[]).map((p) => [keyOf(p) ?? '', p.value?.toJS(doc) as Value]) : []);
    for (const [name, { fields, remove }] of wanted) all.set(name, mergedHost(doc, hostNode(name), fields, remove));
    if (hostsPair) edit.rewrite(hostsPair, 'hosts', all);
    else if (isBlockMap(root)) edit.set(root, 'hosts', all);
    else edit.append(edit.renderPair('hosts', all, 0));
    return { text: edit.result() };
  }
  for (const [name, { fields, remove }] of wanted) {
    const pair = hosts.items.find((p) => keyOf(p) === name);
    if (!pair) edit.set(hosts, name, mergedHost(doc, undefined, fields, remove));
    else if (isBlockMap(pair.value)) {
      for (const [key, value] of fields) edit.set(pair.value, key, value);
      for (const key of remove) edit.remove(pair.value, key);
    } else if (isEmpty(pair.value) || isMap(pair.value)) edit.rewrite(pair, name, mergedHost(doc, pair.value, fields, remove));
    else return { problem: `its host '${name}' is not a mapping` };
  }
  return { text: edit.result() };
}

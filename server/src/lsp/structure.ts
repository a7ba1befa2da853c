// Outline, folding ranges, selection ranges and include links, from the syntax tree.
import { DocumentSymbol, SymbolKind, type DocumentLink, type FoldingRange, type SelectionRange, type SymbolInformation } from 'vscode-languageserver';
import type { ItemNode, LineIndex, Span } from '../../../grammar/index.js';
import { outline, type OutlineItem } from '../analysis/service/outline.js';
import type { Analysis } from './analyzer.js';
import type { NavigationView } from './navigation.js';
import { pathToUri, rangeOf, type TextLookup } from './convert.js';

const range = (index: LineIndex, span: Span) => ({ start: index.positionAt(span.start), end: index.positionAt(span.end) });

/** Symbol kinds of the top-level blocks, chosen so that editors' icons tell them apart. */
const KIND_OF_BLOCK: Record<string, SymbolKind> = {
  global_defs: SymbolKind.Namespace, vrrp_instance: SymbolKind.Class, vrrp_sync_group: SymbolKind.Package,
  vrrp_script: SymbolKind.Function, vrrp_track_process: SymbolKind.Function, track_file: SymbolKind.Function, vrrp_track_file: SymbolKind.Function,
  bfd_instance: SymbolKind.Event, virtual_server: SymbolKind.Interface, 'virtual_server/real_server': SymbolKind.Struct, tunnel_group: SymbolKind.Module,
};

/** A checker block (HTTP_GET, TCP_CHECK, MISC_CHECK ...) is a method of its real_server. */
const isChecker = (path: string) => /(_CHECK|_GET)$/.test(path);

export function symbolKindOf(item: Pick<OutlineItem, 'kind' | 'path'>): SymbolKind {
  if (item.kind === 'list') return SymbolKind.Array;
  return KIND_OF_BLOCK[item.path] ?? (isChecker(item.path) ? SymbolKind.Method : SymbolKind.Object);
}

export function documentSymbols(analysis: Analysis, index: LineIndex): DocumentSymbol[] {
  const convert = (item: OutlineItem): DocumentSymbol =>
    DocumentSymbol.create(item.name, item.detail || undefined, symbolKindOf(item), range(index, item.span), range(index, item.selection), item.children.map(convert));
  return outline(analysis.result.view.tree, 0).map(convert);
}

export function foldingRanges(analysis: Analysis, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (items: ItemNode[]) => {
    for (const item of items) {
      const block = item.type === 'statement' ? item.block : item.type === 'block' ? item : undefined;
      if (!block) continue;
      if (block.close && block.open.file === 0 && block.close.file === 0) {
        const start = index.positionAt(block.open.start).line;
        const end = index.positionAt(block.close.start).line;
        if (end > start) out.push({ startLine: item.type === 'statement' ? index.positionAt(item.words[0].span.start).line : start, endLine: end - 1 });
      }
      visit(block.items);
    }
  };
  visit(analysis.result.parse.document.items);
  return out;
}

/** Word, then its line, then each enclosing block: what "expand selection" steps through. */
export function selectionRanges(analysis: Analysis, index: LineIndex, offsets: number[]): SelectionRange[] {
  const tree = analysis.result.view.tree;
  const holds = (span: Span, offset: number) => span.file === 0 && span.start <= offset && offset <= span.end;
  return offsets.map((offset) => {
    const chain: Span[] = [];
    const addLine = (words: readonly { span: Span }[]) => {
      const word = words.find((w) => holds(w.span, offset));
      if (word) chain.push(word.span, { file: 0, start: words[0].span.start, end: words[words.length - 1].span.end });
    };
    for (const node of tree.all) {
      const words = [node.keyword, ...node.args];
      const block = node.statement.block;
      const end = block?.close?.file === 0 ? block.close.end : words[words.length - 1].span.end;
      if (node.keyword.span.file !== 0 || node.keyword.span.start > offset || offset > end) continue;
      chain.push({ file: 0, start: node.keyword.span.start, end });
      addLine(words);
      for (const item of node.items) addLine(item.words);
    }
    chain.sort((a, b) => (b.end - b.start) - (a.end - a.start));
    let selection: SelectionRange | undefined;
    let last: Span | undefined;
    for (const span of chain) {
      if (last && last.start === span.start && last.end === span.end) continue;
      selection = { range: range(index, span), parent: selection };
      last = span;
    }
    return selection ?? { range: range(index, { file: 0, start: offset, end: offset }) };
  });
}

export function documentLinks(analysis: Analysis, index: LineIndex): DocumentLink[] {
  return analysis.result.parse.includes
    .filter((i) => i.patternSpan.file === 0 && i.files.length === 1)
    .map((i) => ({ range: range(index, i.patternSpan), target: pathToUri(analysis.result.parse.files[i.files[0]].path) }));
}

/** Named blocks (vrrp_instance, vrrp_script, virtual_server ...) of the configs given and their includes, each place once. */
export function workspaceSymbols(views: readonly NavigationView[], query: string, texts: TextLookup): SymbolInformation[] {
  const needle = query.toLowerCase();
  const out: SymbolInformation[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    for (const node of view.tree.all) {
      if (!node.statement.block || !node.args[0]) continue;
      const name = [node.keyword.value, ...node.args.slice(0, 2).map((a) => a.value)].join(' ');
      const path = view.parse.files[node.keyword.span.file].path;
      const key = `${path}:${node.keyword.span.start}`;
      if (!name.toLowerCase().includes(needle) || seen.has(key)) continue;
      seen.add(key);
      const kind = symbolKindOf({ kind: 'block', path: node.def?.path ?? node.keyword.value });
      out.push({ name, kind, location: { uri: pathToUri(path), range: rangeOf({ path, start: node.keyword.span.start, end: node.keyword.span.end }, texts) } });
    }
  }
  return out;
}

// Outline, folding ranges, selection ranges and include links, from the syntax tree.
import { DocumentSymbol, SymbolKind, type DocumentLink, type FoldingRange, type SelectionRange, type SymbolInformation } from 'vscode-languageserver';
import type { ItemNode, LineIndex, Span } from '../../../grammar/index.js';
import { outline, type OutlineItem } from '../analysis/service/outline.js';
import type { Analysis } from './analyzer.js';
import { pathToUri, rangeOf, type TextLookup } from './convert.js';

const range = (index: LineIndex, span: Span) => ({ start: index.positionAt(span.start), end: index.positionAt(span.end) });

export function documentSymbols(analysis: Analysis, index: LineIndex): DocumentSymbol[] {
  const convert = (item: OutlineItem): DocumentSymbol =>
    DocumentSymbol.create(item.name, item.detail || undefined, item.kind === 'list' ? SymbolKind.Array : SymbolKind.Object, range(index, item.span), range(index, item.selection), item.children.map(convert));
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

export function selectionRanges(analysis: Analysis, index: LineIndex, offsets: number[]): SelectionRange[] {
  const tree = analysis.result.view.tree;
  return offsets.map((offset) => {
    const chain: Span[] = [];
    for (const node of tree.all) {
      const words = [node.keyword, ...node.args];
      const word = words.find((w) => w.span.file === 0 && w.span.start <= offset && offset <= w.span.end);
      const block = node.statement.block;
      const end = block?.close?.file === 0 ? block.close.end : words[words.length - 1].span.end;
      if (node.keyword.span.file === 0 && node.keyword.span.start <= offset && offset <= end) {
        chain.push({ file: 0, start: node.keyword.span.start, end });
        if (word) chain.push(word.span);
      }
    }
    chain.sort((a, b) => (b.end - b.start) - (a.end - a.start));
    let selection: SelectionRange | undefined;
    for (const span of chain) selection = { range: range(index, span), parent: selection };
    return selection ?? { range: range(index, { file: 0, start: offset, end: offset }) };
  });
}

export function documentLinks(analysis: Analysis, index: LineIndex): DocumentLink[] {
  return analysis.result.parse.includes
    .filter((i) => i.patternSpan.file === 0 && i.files.length === 1)
    .map((i) => ({ range: range(index, i.patternSpan), target: pathToUri(analysis.result.parse.files[i.files[0]].path) }));
}

/** Named blocks (vrrp_instance, vrrp_script, virtual_server ...) of the open documents and their includes. */
export function workspaceSymbols(analyses: readonly Analysis[], query: string, texts: TextLookup): SymbolInformation[] {
  const needle = query.toLowerCase();
  const out: SymbolInformation[] = [];
  const seen = new Set<string>();
  for (const analysis of analyses) {
    for (const node of analysis.result.view.tree.all) {
      if (!node.statement.block || !node.args[0]) continue;
      const name = [node.keyword.value, ...node.args.slice(0, 2).map((a) => a.value)].join(' ');
      const path = analysis.result.parse.files[node.keyword.span.file].path;
      const key = `${path}:${node.keyword.span.start}`;
      if (!name.toLowerCase().includes(needle) || seen.has(key)) continue;
      seen.add(key);
      out.push({ name, kind: SymbolKind.Object, location: { uri: pathToUri(path), range: rangeOf({ path, start: node.keyword.span.start, end: node.keyword.span.end }, texts) } });
    }
  }
  return out;
}

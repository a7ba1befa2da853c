// Inlay hints naming the owning host next to addresses that belong to another host than the
// one running the file: the incident this project started from would have shown at a glance.
import { InlayHintKind, type InlayHint } from 'vscode-languageserver';
import type { LineIndex, WordNode } from '../../../grammar/index.js';
import type { HostFacts } from '../analysis/host/context.js';
import { ownerOf } from '../analysis/host/lookup.js';
import { parseIp } from '../analysis/net/ip.js';
import type { Analysis } from './analyzer.js';

/** Hints for the addresses between the offsets `range` (the part of the document the client shows). */
export function inlayHints(analysis: Analysis, index: LineIndex, facts: HostFacts | undefined, range: { start: number; end: number }): InlayHint[] {
  const self = facts?.self;
  if (!facts || !self) return [];
  const words: WordNode[] = [];
  for (const node of analysis.result.view.tree.all) {
    for (const arg of node.args) words.push(arg);
    for (const item of node.items) words.push(item.words[0]);
  }
  const hints: InlayHint[] = [];
  for (const word of words) {
    if (!word || word.span.file !== 0 || word.span.end < range.start || word.span.start > range.end) continue;
    const address = parseIp(word.value.split('/')[0].split('-')[0]);
    const owner = address && ownerOf(facts, address);
    if (!owner || owner.host === self) continue;
    hints.push({ position: index.positionAt(word.span.end), label: ` ${owner.host.name}`, kind: InlayHintKind.Type, paddingLeft: true, tooltip: `${word.value} is an address of ${owner.host.name}, not of ${self.name} (the host running this file)` });
  }
  return hints;
}

// Hover: what a keyword does (from the keyword data), which host owns an address (from the
// workspace file), and the value of a `$NAME`.
import type { Hover } from 'vscode-languageserver';
import { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { HostFacts } from '../analysis/host/context.js';
import { describeHost, ownerOf } from '../analysis/host/lookup.js';
import type { LintSettings } from '../analysis/index.js';
import { parseIp } from '../analysis/net/ip.js';
import { keywordMarkdown } from '../analysis/service/keyword-doc.js';
import { locate } from '../analysis/service/locate.js';
import type { Analysis } from './analyzer.js';

export function hover(analysis: Analysis, offset: number, settings: Partial<LintSettings>, facts?: HostFacts): Hover | undefined {
  const { result } = analysis;
  const reference = result.parse.references.find((r) => r.span.file === 0 && r.span.start <= offset && offset <= r.span.end);
  if (reference) {
    const definition = result.parse.definitions.find((d) => d.name === reference.name);
    return { contents: { kind: 'markdown', value: `**$${reference.name}** = \`${definition?.value ?? reference.definition?.lines[0]?.text ?? ''}\`${definition?.multiline ? ' (multi-line)' : ''}` } };
  }
  const found = locate(result.view.tree, 0, offset);
  if (!found) return undefined;
  const schema = KeywordSchema.for(settings.dialect ?? 'keepalived', settings.keepalivedVersion);
  if (found.role === 'keyword' && (found.node.def ?? found.node.lookup?.def)) {
    return { contents: { kind: 'markdown', value: keywordMarkdown((found.node.def ?? found.node.lookup?.def)!, schema) } };
  }
  const address = parseIp(found.word.value.split('/')[0].split('-')[0]);
  if (address && facts) {
    const owner = ownerOf(facts, address);
    const self = facts.self ? ` This file runs on ${facts.self.name}.` : '';
    const text = owner ? `**${found.word.value}** belongs to ${describeHost(owner.host)}${owner.fact.interface ? ` on ${owner.fact.interface}` : ''}.${self}` : `**${found.word.value}** is not an address of any host in keepalived-lint.yaml.${self}`;
    return { contents: { kind: 'markdown', value: text } };
  }
  return undefined;
}

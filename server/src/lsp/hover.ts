// Hover: what a keyword does (from the keyword data), which host owns an address (from the
// workspace file), and the value of a `$NAME`. Text from the config or the workspace file is
// shown as code, never as Markdown.
import type { Hover } from 'vscode-languageserver';
import { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { HostFact, HostFacts } from '../analysis/host/context.js';
import { ownerOf } from '../analysis/host/lookup.js';
import type { LintSettings } from '../analysis/index.js';
import { parseIp } from '../analysis/net/ip.js';
import { keywordMarkdown } from '../analysis/service/keyword-doc.js';
import { locate } from '../analysis/service/locate.js';
import { codeSpan } from '../analysis/service/markdown-code.js';
import type { Analysis } from './analyzer.js';

const hostMarkdown = (host: HostFact) => (host.labels.length > 0 ? `${codeSpan(host.name)} (labels ${host.labels.map(codeSpan).join(', ')})` : codeSpan(host.name));

export function hover(analysis: Analysis, offset: number, settings: Partial<LintSettings>, facts?: HostFacts): Hover | undefined {
  const { result } = analysis;
  const reference = result.parse.references.find((r) => r.span.file === 0 && r.span.start <= offset && offset <= r.span.end);
  if (reference) {
    const definition = result.parse.definitions.find((d) => d.name === reference.name);
    const value = definition?.value ?? reference.definition?.lines[0]?.text ?? '';
    return { contents: { kind: 'markdown', value: `${codeSpan(`$${reference.name}`)} = ${codeSpan(value)}${definition?.multiline ? ' (multi-line)' : ''}` } };
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
    const self = facts.self ? ` This file runs on ${codeSpan(facts.self.name)}.` : '';
    const word = codeSpan(found.word.value);
    const text = owner ? `${word} belongs to ${hostMarkdown(owner.host)}${owner.fact.interface ? ` on ${codeSpan(owner.fact.interface)}` : ''}.${self}` : `${word} is not an address of any host in keepalived-lint.yaml.${self}`;
    return { contents: { kind: 'markdown', value: text } };
  }
  return undefined;
}

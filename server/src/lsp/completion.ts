// LSP completion items from the analysis library's candidates.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { KeywordSchema } from '../../../grammar/keywords/index.js';
import type { Candidate, CandidateKind } from '../analysis/service/completion.js';
import { keywordMarkdown } from '../analysis/service/keyword-doc.js';

const KIND: Record<CandidateKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, block: CompletionItemKind.Module, value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference, variable: CompletionItemKind.Variable, address: CompletionItemKind.Value,
};

export function completionItems(candidates: Candidate[], schema: KeywordSchema): CompletionItem[] {
  return candidates.map((c) => {
    const item: CompletionItem = { label: c.label, kind: KIND[c.kind], detail: c.detail };
    if (c.def) item.documentation = { kind: MarkupKind.Markdown, value: keywordMarkdown(c.def, schema) };
    else if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
    if (c.kind === 'block' && c.def?.kind !== 'option') {
      item.insertText = `${c.label}${c.def?.args?.some((a) => !a.optional) ? ' ${1:name}' : ''} {\n\t$0\n}`;
      item.insertTextFormat = InsertTextFormat.Snippet;
    }
    return item;
  });
}

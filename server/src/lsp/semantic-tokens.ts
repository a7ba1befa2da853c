// Semantic tokens for keywords, block names, values, references, addresses, variables,
// comments and preprocessor lines.
import { SemanticTokensBuilder, type SemanticTokensLegend } from 'vscode-languageserver';
import type { LineIndex, Span, WordNode } from '../../../grammar/index.js';
import type { KeywordSchema } from '../../../grammar/keywords/index.js';
import { buildSymbolTable } from '../analysis/model/symbols.js';
import { parseIpPrefix } from '../analysis/net/ip.js';
import type { Analysis } from './analyzer.js';

export const TOKEN_TYPES = ['keyword', 'namespace', 'variable', 'number', 'enumMember', 'string', 'comment', 'macro'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

function valueType(word: WordNode): TokenType {
  if (/^[+-]?\d+(\.\d+)?$/.test(word.value)) return 'number';
  if (parseIpPrefix(word.value.split('-')[0])) return 'number'; // an address is a literal, like a number
  return 'string';
}

export function semanticTokens(analysis: Analysis, index: LineIndex, schema: KeywordSchema): number[] {
  const { parse, view } = analysis.result;
  const tokens: Array<{ span: Span; type: TokenType; modifiers: number }> = [];
  const add = (span: Span, type: TokenType, modifiers = 0) => {
    if (span.file === 0 && span.end > span.start) tokens.push({ span, type, modifiers });
  };
  // Names of other objects (track_script lines, `virtual_server group NAME`, ...) are references.
  const references = new Set<WordNode>(buildSymbolTable(view.tree, schema).references.map((r) => r.word));
  for (const node of view.tree.all) {
    if (node.def) add(node.keyword.span, 'keyword', node.def.deprecated ? 2 : 0);
    node.args.forEach((arg, i) => {
      if (arg.via) return;
      if (i === 0 && node.def?.defines) add(arg.span, 'namespace', 1);
      else if (references.has(arg)) add(arg.span, 'variable');
      else if (node.def?.args?.[i]?.type === 'enum') add(arg.span, 'enumMember');
      else add(arg.span, valueType(arg));
    });
    for (const item of node.items) for (const word of item.words) if (!word.via) add(word.span, references.has(word) ? 'variable' : valueType(word));
  }
  for (const reference of parse.references) add(reference.span, 'variable');
  for (const definition of parse.definitions) add(definition.span, 'macro', 1);
  for (const conditional of parse.conditionals) add(conditional.span, 'macro');
  for (const include of parse.includes) add(include.keywordSpan, 'macro');
  for (const comment of parse.comments) add(comment.span, 'comment');
  tokens.sort((a, b) => a.span.start - b.span.start);
  const builder = new SemanticTokensBuilder();
  let lastEnd = -1;
  for (const token of tokens) {
    if (token.span.start < lastEnd) continue; // overlapping (e.g. a reference inside a word)
    const start = index.positionAt(token.span.start);
    const end = index.positionAt(token.span.end);
    if (end.line !== start.line) continue;
    builder.push(start.line, start.character, end.character - start.character, TOKEN_TYPES.indexOf(token.type), token.modifiers);
    lastEnd = token.span.end;
  }
  return builder.build().data;
}

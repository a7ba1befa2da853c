export * from './ast.js';
export * from './source.js';
export { parse, MAX_BLOCK_DEPTH, type ParseOptions, type ParseResult } from './parse.js';
export type { PreToken, SyntaxIssue, SyntaxIssueKind, CommentInfo, DefinitionInfo, ConditionalInfo } from './preprocess.js';
export { MAX_LINE_BYTES } from './line-limits.js';
export type { VariableReference } from './definitions.js';
export { INCLUDE_KEYWORDS, type IncludeHost, type IncludeDirective, type IncludeProblem, type IncludeProblemKind } from './includes.js';
export { reparse, type PreviousParse } from './reparse.js';

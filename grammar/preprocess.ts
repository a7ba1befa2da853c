// The line-level preprocessor of keepalived (read_line in lib/parser.c): comments,
// `@id` conditional lines, `$NAME=` definitions, `~SEQ`/`~LST` replication,
// substitution and `include`. It turns files into a stream of token lines for the parser (`onLine`).
// File access is injected (IncludeHost), so this module does no I/O of its own.
import { DefinitionTable, matchDefinition, type Definition, type VariableReference } from './definitions.js';
import { forEachPhysicalLine, lexLineText, type PhysicalLine, type RawToken } from './lines.js';
import { MappedText } from './mapped-text.js';
import { PhysicalLineLimits } from './line-limits.js';
import { isReplication, parseReplication } from './replicate.js';
import type { WordNode } from './ast.js';
import type { SourceFile, Span } from './source.js';
import { INCLUDE_KEYWORDS, type IncludeDirective, type IncludeHost, resolveInclude } from './includes.js';

/** A brace of a line; words are WordNodes (the same objects end up in the AST). */
export interface BraceMark {
  brace: '{' | '}';
  span: Span;
}

export type PreToken = WordNode | BraceMark;

export const isBrace = (t: PreToken): t is BraceMark => (t as BraceMark).brace !== undefined;

export type SyntaxIssueKind =
  | 'unterminated-quote' | 'line-too-long' | 'nul-byte' | 'invalid-replication' | 'runaway-definition'
  | 'missing-close-brace' | 'extra-close-brace' | 'nesting-too-deep' | 'missing-open-brace';

export interface SyntaxIssue {
  kind: SyntaxIssueKind;
  message: string;
  span: Span;
}

export interface CommentInfo {
  span: Span;
  text: string;
}

export interface DefinitionInfo {
  name: string;
  span: Span;
  multiline: boolean;
  /** The definition text (first line), for hover. */
  value: string;
}

export interface ConditionalInfo {
  id: string;
  negated: boolean;
  /** The `@id` / `@^id` prefix. */
  span: Span;
  /** Nothing follows the prefix: the line reads the same whether it is kept or not. */
  empty: boolean;
}

export interface PreprocessOptions {
  /**
   * keepalived's config id (`-i`). Undefined keeps every `@id` line, which gives the
   * union of all variants (for outline and navigation, not for checking).
   */
  configId?: string;
  includes?: IncludeHost;
  /** Limits on include nesting and on the number of files read. */
  maxIncludeDepth?: number;
  maxFiles?: number;
  /** Receives each token line as it is read (the parser consumes them as a stream). */
  onLine: (line: PreToken[]) => void;
}

export interface PreprocessResult {
  files: SourceFile[];
  comments: CommentInfo[];
  includes: IncludeDirective[];
  definitions: DefinitionInfo[];
  references: VariableReference[];
  conditionals: ConditionalInfo[];
  issues: SyntaxIssue[];
  /** Words handed to the parser, replicated and substituted ones included: the size of the work. */
  words: number;
}

/** About the size of a 2,000-virtual-server config: replication beyond it is a mistake or an attack. */
const MAX_REPLICATED_LINES = 100_000;
/** Lines that multi-line definitions may add to a config in all. */
const MAX_EXPANDED_LINES = 100_000;
/** Multi-line definitions and ~SEQ bodies may expand into more of them; this bounds the nesting. */
const MAX_EXPANSION_DEPTH = 64;

const dirname = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.');

function unescapeWord(image: string): string {
  return image.includes('\\') ? image.replace(/\\([#!])/g, '$1') : image;
}

/**
 * keepalived's decomment keeps a trailing `\` even when it ends a comment, so `# text \`
 * becomes a line holding `\`, and `word # text \` becomes `word\`.
 */
function withCommentContinuation(line: PhysicalLine): RawToken[] {
  const comment = line.comment;
  if (!comment || !/(^|[^\\])(\\\\)*\\$/.test(comment.text)) return line.tokens;
  const tokens = [...line.tokens];
  const last = tokens[tokens.length - 1];
  if (last) tokens[tokens.length - 1] = { ...last, image: last.image + '\\' };
  else tokens.push({ kind: 'word', image: '\\', start: comment.end - 1, end: comment.end });
  return tokens;
}

/** The text of a line's tokens (without its comment), mapped to the source. */
function mappedLine(file: number, text: string, tokens: RawToken[]): MappedText {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const mapped = MappedText.verbatim(text.slice(first.start, last.end), file, first.start);
  const glued = last.image.length - (last.end - last.start);
  if (glued <= 0) return mapped;
  const end = mapped.text.length;
  return mapped.splice(end, end, MappedText.verbatim(last.image.slice(-glued), file, last.end - 1));
}

class Preprocessor {
  readonly result: PreprocessResult = {
    files: [], comments: [], includes: [], definitions: [], references: [], conditionals: [], issues: [], words: 0,
  };
  private readonly defs: DefinitionTable;
  private readonly stack: string[] = [];
  private currentFile = 0;
  private pendingDefinition?: Definition;
  private replicatedLines = 0;
  private expandedLines = 0;

  constructor(private readonly options: PreprocessOptions) {
    this.defs = new DefinitionTable({
      pwd: () => dirname(this.result.files[this.currentFile]?.path ?? '.'),
      instance: options.configId ?? '',
    });
  }

  addFile(path: string, text: string): number {
    const id = this.result.files.length;
    this.result.files.push({ id, path, text });
    return id;
  }

  processFile(fileId: number): void {
    const file = this.result.files[fileId];
    const previousFile = this.currentFile;
    this.currentFile = fileId;
    this.stack.push(file.path);
    const limits = new PhysicalLineLimits(fileId, file.text);
    forEachPhysicalLine(file.text, (line) => {
      for (const issue of limits.issuesOf(line)) this.result.issues.push(issue);
      this.processPhysicalLine(fileId, file.text, line);
    });
    this.pendingDefinition = undefined;
    this.stack.pop();
    this.currentFile = previousFile;
  }

  private issue(kind: SyntaxIssueKind, message: string, span: Span): void {
    this.result.issues.push({ kind, message, span });
  }

  private processPhysicalLine(file: number, text: string, line: PhysicalLine): void {
    if (line.comment) this.result.comments.push({ span: { file, start: line.comment.start, end: line.comment.end }, text: line.comment.text });
    let tokens = withCommentContinuation(line);
    if (this.pendingDefinition) {
      if (line.start === line.end) this.pendingDefinition = undefined;
      else if (tokens.length > 0) this.continueDefinition(file, text, tokens);
      return;
    }
    if (tokens.length === 0) return;
    for (const t of tokens) {
      if (t.kind === 'unterminated') this.issue('unterminated-quote', 'unterminated quote: the closing " is missing', { file, start: t.start, end: t.end });
    }
    if (tokens[0].image.startsWith('@')) {
      const kept = this.conditional(file, tokens[0], tokens.length > 1);
      if (!kept) return;
      tokens = tokens.slice(1);
    }
    const needsText = tokens[0].image.startsWith('~') || tokens.some((t) => t.image.includes('$'));
    if (!needsText) {
      this.emitRaw(file, tokens);
      return;
    }
    this.processText(mappedLine(file, text, tokens), file);
  }

  /** Handles an `@id` / `@^id` prefix; returns whether the rest of the line is kept. */
  private conditional(file: number, prefix: RawToken, hasRest: boolean): boolean {
    const negated = prefix.image.startsWith('@^');
    const id = prefix.image.slice(negated ? 2 : 1);
    this.result.conditionals.push({ id, negated, span: { file, start: prefix.start, end: prefix.end }, empty: !hasRest });
    if (!hasRest) return false;
    if (this.options.configId === undefined) return true;
    return (id === this.options.configId) !== negated;
  }

  private continueDefinition(file: number, text: string, tokens: RawToken[]): void {
    const def = this.pendingDefinition!;
    let value = mappedLine(file, text, tokens);
    const continues = value.text.endsWith('\\');
    if (continues) value = value.slice(0, value.text.replace(/[ \t]*\\$/, '').length);
    if (value.text.length > 0) def.lines.push(value);
    if (!continues) this.pendingDefinition = undefined;
  }

  private processText(line: MappedText, file: number, depth = 0): void {
    if (depth > MAX_EXPANSION_DEPTH) {
      const origin = line.map(0, line.text.length);
      this.issue('runaway-definition', `definitions expand into each other more than ${MAX_EXPANSION_DEPTH} levels deep; the rest is not read`, { file: origin.file, start: origin.start, end: origin.end });
      return;
    }
    let text = line;
    for (let round = 0; round < 64; round++) {
      if (text.text.startsWith('@')) {
        const space = text.text.search(/[ \t]/);
        const prefixEnd = space < 0 ? text.text.length : space;
        const origin = text.map(0, prefixEnd);
        const kept = this.conditional(file, { kind: 'word', image: text.text.slice(0, prefixEnd), start: origin.start, end: origin.end }, space >= 0);
        if (!kept) return;
        const restStart = space + text.text.slice(space).search(/[^ \t]/);
        text = text.slice(restStart);
      }
      const definition = matchDefinition(text.text);
      if (definition) {
        this.define(definition.name, text, definition.valueStart);
        return;
      }
      if (text.text.startsWith('~')) {
        this.replicate(text, file, depth);
        return;
      }
      const substituted = text.text.includes('$') ? this.defs.substitute(text, this.result.references) : undefined;
      if (!substituted) break;
      if (substituted.runaway) {
        const origin = text.map(0, text.text.length);
        this.issue('runaway-definition', 'substitution does not end: a definition refers to itself', { file: origin.file, start: origin.start, end: origin.end });
        return;
      }
      text = this.decomment(substituted.text);
      if (substituted.stop) break;
      if (substituted.extraLines.length > 0) {
        this.emitText(text);
        for (const extra of substituted.extraLines) {
          // Depth alone does not bound a definition that uses itself on several of its lines:
          // each level multiplies the lines, so the lines made this way are counted too.
          if (++this.expandedLines > MAX_EXPANDED_LINES) {
            if (this.expandedLines === MAX_EXPANDED_LINES + 1) {
              const origin = extra.map(0, extra.text.length);
              this.issue('runaway-definition', `multi-line definitions expand into more than ${MAX_EXPANDED_LINES} lines; the rest is not read`, { file: origin.file, start: origin.start, end: origin.end });
            }
            return;
          }
          this.processText(extra, file, depth + 1);
        }
        return;
      }
      if (!text.text.startsWith('@') && !text.text.includes('$')) break;
    }
    this.emitText(text);
  }

  /** Drops a comment that substitution produced (`${_HASH}`), as keepalived decomments again. */
  private decomment(text: MappedText): MappedText {
    let end = text.text.length;
    let quote = false;
    for (let i = 0; i < end; i++) {
      const c = text.text[i];
      if (c === '"') quote = !quote;
      else if (c === '\\') i++;
      else if (!quote && (c === '#' || c === '!')) end = i;
    }
    const kept = text.text.slice(0, end);
    const lead = kept.length - kept.trimStart().length;
    return text.slice(lead, Math.max(lead, kept.trimEnd().length));
  }

  private define(name: string, text: MappedText, valueStart: number): void {
    let value = text.slice(valueStart);
    const multiline = value.text.endsWith('\\');
    if (multiline) value = value.slice(0, value.text.replace(/[ \t]*\\$/, '').length);
    const nameRange = text.map(0, name.length + 1);
    const span = { file: nameRange.file, start: nameRange.start, end: nameRange.end };
    const def: Definition = { name, span, lines: [value], multiline, maxParams: 0 };
    this.defs.define(def);
    this.result.definitions.push({ name, span, multiline, value: value.text });
    if (multiline) this.pendingDefinition = def;
  }

  private replicate(text: MappedText, file: number, depth: number): void {
    if (!isReplication(text.text)) return; // other `~` lines are ignored by keepalived
    const overBudget = () => {
      const origin = text.map(0, text.text.length);
      this.issue('invalid-replication', `replication makes more than ${MAX_REPLICATED_LINES} lines; the rest is not checked`, { file: origin.file, start: origin.start, end: origin.end });
    };
    if (this.replicatedLines >= MAX_REPLICATED_LINES) return overBudget();
    const parsed = parseReplication(text.text);
    if ('error' in parsed) {
      const origin = text.map(0, text.text.length);
      this.issue('invalid-replication', parsed.error, { file: origin.file, start: origin.start, end: origin.end });
      return;
    }
    const body = text.slice(parsed.ok.textStart);
    for (let i = 0; i < parsed.ok.count; i++) {
      if (++this.replicatedLines > MAX_REPLICATED_LINES) return overBudget();
      for (const [variable, value] of parsed.ok.assignment(i)) {
        this.defs.define({ name: variable, lines: [MappedText.verbatim(value, file, 0)], multiline: false, maxParams: 0 });
      }
      if (body.text.length > 0 && depth < 16) this.processText(body, file, depth + 1);
    }
  }

  private emitRaw(file: number, tokens: RawToken[]): void {
    if (INCLUDE_KEYWORDS.has(tokens[0].image) && tokens.length > 1) {
      const fileText = this.result.files[file].text;
      const pattern = fileText.slice(tokens[1].start, tokens[tokens.length - 1].end);
      this.include(tokens[0].image, { file, start: tokens[0].start, end: tokens[0].end }, pattern, { file, start: tokens[1].start, end: tokens[tokens.length - 1].end });
      return;
    }
    this.result.words += tokens.length;
    this.options.onLine(tokens.map((t) => this.token(t, { file, start: t.start, end: t.end })));
  }

  private emitText(text: MappedText): void {
    const raw = lexLineText(text.text);
    if (raw.length === 0) return;
    const spanOf = (from: number, to: number) => {
      const m = text.map(from, to);
      return { span: { file: m.file, start: m.start, end: m.end }, via: m.via, written: m.written };
    };
    if (INCLUDE_KEYWORDS.has(raw[0].image) && raw.length > 1) {
      const pattern = text.text.slice(raw[1].start, raw[raw.length - 1].end);
      this.include(raw[0].image, spanOf(raw[0].start, raw[0].end).span, pattern, spanOf(raw[1].start, raw[raw.length - 1].end).span);
      return;
    }
    const tokens = raw.map((t) => {
      const mapped = spanOf(t.start, t.end);
      const token = this.token(t, mapped.span);
      if (mapped.via && !isBrace(token)) token.via = mapped.via;
      if (mapped.written && !isBrace(token)) token.written = mapped.written;
      if (t.kind === 'unterminated') this.issue('unterminated-quote', 'unterminated quote: the closing " is missing', mapped.span);
      return token;
    });
    this.result.words += tokens.length;
    this.options.onLine(tokens);
  }

  private token(t: RawToken, span: Span): PreToken {
    switch (t.kind) {
      case 'quoted': return { value: t.image.slice(1, -1), span, quoted: true };
      case 'unterminated': return { value: t.image.slice(1), span, quoted: true };
      case 'word': return { value: unescapeWord(t.image), span, quoted: false };
      case 'lbrace': return { brace: '{', span };
      default: return { brace: '}', span };
    }
  }

  private include(keyword: string, keywordSpan: Span, pattern: string, patternSpan: Span): void {
    const { directive, loaded } = resolveInclude({
      keyword, keywordSpan, pattern, patternSpan,
      fromPath: this.result.files[keywordSpan.file].path,
      stack: this.stack,
      fileCount: this.result.files.length,
      host: this.options.includes,
      maxDepth: this.options.maxIncludeDepth ?? 8,
      maxFiles: this.options.maxFiles ?? 1000,
    });
    this.result.includes.push(directive);
    for (const file of loaded) {
      const id = this.addFile(file.path, file.text);
      directive.files.push(id);
      this.processFile(id);
    }
  }
}

/** Runs keepalived's preprocessor over a file (and, with a host, the files it includes). */
export function preprocess(path: string, text: string, options: PreprocessOptions): PreprocessResult {
  const pre = new Preprocessor(options);
  const root = pre.addFile(path, text);
  pre.processFile(root);
  return pre.result;
}

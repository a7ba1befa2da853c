// Splits a file into physical lines of raw tokens with the Chevrotain lexer.
import type { IToken } from 'chevrotain';
import { keepalivedLexer, matchBlanks, matchComment, matchQuoted, matchUnterminatedQuote, matchWord, Quoted, UnterminatedQuote, LBrace, RBrace, Word, Newline } from './tokens.js';

export type RawKind = 'word' | 'quoted' | 'unterminated' | 'lbrace' | 'rbrace';

export interface RawToken {
  kind: RawKind;
  image: string;
  /** Offsets into the lexed text; end is exclusive. */
  start: number;
  end: number;
}

export interface PhysicalLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  tokens: RawToken[];
  comment?: { start: number; end: number; text: string };
}

function kindOf(token: IToken): RawKind | undefined {
  switch (token.tokenType) {
    case Word: return 'word';
    case Quoted: return 'quoted';
    case UnterminatedQuote: return 'unterminated';
    case LBrace: return 'lbrace';
    case RBrace: return 'rbrace';
    default: return undefined;
  }
}

/** Text is lexed in chunks of about this many characters, cut after a line break. */
const CHUNK = 64 * 1024;

/**
 * Lexes a file and hands its physical lines to `visit` one at a time. The lexer runs over
 * chunks of whole lines, so tokens and per-line objects die young: on big files that keeps
 * the garbage collector from copying hundreds of thousands of tokens around.
 */
export function forEachPhysicalLine(text: string, visit: (line: PhysicalLine) => void): void {
  let current: PhysicalLine = { start: 0, end: text.length, tokens: [] };
  for (let chunkStart = 0; chunkStart < text.length || chunkStart === 0; ) {
    const cut = text.indexOf('\n', chunkStart + CHUNK);
    const chunkEnd = cut < 0 ? text.length : cut + 1;
    const { tokens, groups } = keepalivedLexer().tokenize(text.slice(chunkStart, chunkEnd));
    const comments = (groups.comments ?? []) as IToken[];
    let nextComment = 0;
    const attachComments = (upTo: number) => {
      while (nextComment < comments.length && comments[nextComment].startOffset + chunkStart < upTo) {
        const c = comments[nextComment++];
        const start = c.startOffset + chunkStart;
        current.comment = { start, end: start + c.image.length, text: c.image };
      }
    };
    for (const token of tokens) {
      const start = token.startOffset + chunkStart;
      if (token.tokenType === Newline) {
        attachComments(start);
        current.end = start;
        visit(current);
        current = { start: start + token.image.length, end: text.length, tokens: [] };
        continue;
      }
      const kind = kindOf(token);
      if (kind) current.tokens.push({ kind, image: token.image, start, end: start + token.image.length });
    }
    attachComments(chunkEnd + 1);
    chunkStart = chunkEnd;
    if (chunkEnd >= text.length) break;
  }
  current.end = text.length;
  visit(current);
}

/** The CRs and LF of a line break at `at`, or null. */
function matchNewline(text: string, at: number): [string] | null {
  let end = at;
  while (text.charCodeAt(end) === 0x0d) end++;
  return text.charCodeAt(end) === 0x0a ? [text.slice(at, end + 1)] : null;
}

/** The lexer's token patterns in its order of preference, with what each token becomes here. */
const LINE_PATTERNS: Array<[(text: string, at: number) => [string] | null, RawKind | undefined]> = [
  [matchNewline, undefined], [matchBlanks, undefined], [matchComment, undefined],
  [matchQuoted, 'quoted'], [matchUnterminatedQuote, 'unterminated'],
  [(t, at) => (t.charCodeAt(at) === 0x7b ? ['{'] : null), 'lbrace'], [(t, at) => (t.charCodeAt(at) === 0x7d ? ['}'] : null), 'rbrace'],
  [matchWord, 'word'],
];

/**
 * Lexes one line of text made by substitution; comments in it are dropped, as keepalived does.
 * The same patterns as the Chevrotain lexer, tried in its order, without its per-call setup:
 * a `~SEQ` of 100,000 copies lexes 100,000 short lines, and that setup was most of the time.
 */
export function lexLineText(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (let at = 0; at < text.length; ) {
    let matched = false;
    for (const [pattern, kind] of LINE_PATTERNS) {
      const match = pattern(text, at);
      if (!match) continue;
      if (kind) out.push({ kind, image: match[0], start: at, end: at + match[0].length });
      at += match[0].length;
      matched = true;
      break;
    }
    if (!matched) at++;
  }
  return out;
}

// Splits a file into physical lines of raw tokens with the Chevrotain lexer.
import type { IToken } from 'chevrotain';
import { keepalivedLexer, Quoted, UnterminatedQuote, LBrace, RBrace, Word, Newline } from './tokens.js';

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

function toRaw(token: IToken, kind: RawKind): RawToken {
  return { kind, image: token.image, start: token.startOffset, end: token.startOffset + token.image.length };
}

/**
 * Lexes a whole file and hands its physical lines to `visit` one at a time, so the per-line
 * objects die young (cheap for the garbage collector on big files).
 */
export function forEachPhysicalLine(text: string, visit: (line: PhysicalLine) => void): void {
  const { tokens, groups } = keepalivedLexer().tokenize(text);
  const comments = (groups.comments ?? []) as IToken[];
  let current: PhysicalLine = { start: 0, end: text.length, tokens: [] };
  let nextComment = 0;
  const attachComments = (upTo: number) => {
    while (nextComment < comments.length && comments[nextComment].startOffset < upTo) {
      const c = comments[nextComment++];
      current.comment = { start: c.startOffset, end: c.startOffset + c.image.length, text: c.image };
    }
  };
  for (const token of tokens) {
    if (token.tokenType === Newline) {
      attachComments(token.startOffset);
      current.end = token.startOffset;
      visit(current);
      current = { start: token.startOffset + token.image.length, end: text.length, tokens: [] };
      continue;
    }
    const kind = kindOf(token);
    if (kind) current.tokens.push(toRaw(token, kind));
  }
  attachComments(text.length + 1);
  current.end = text.length;
  visit(current);
}

/** Lexes one line of text made by substitution; comments in it are dropped, as keepalived does. */
export function lexLineText(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const token of keepalivedLexer().tokenize(text).tokens) {
    const kind = kindOf(token);
    if (kind) out.push(toRaw(token, kind));
  }
  return out;
}

// Chevrotain tokens for keepalived.conf, following lib/parser.c of keepalived 2.2.7:
// - `#` and `!` start a comment anywhere outside double quotes, even glued to a word;
//   `\#` and `\!` outside quotes are literal characters;
// - a word starting with `"` runs to the next `"`; a `"` inside a word ends the word;
// - `{` and `}` outside quotes split the line wherever they are;
// - `${NAME}` is split at its braces here like keepalived does when NAME is undefined; the
//   preprocessor substitutes defined names on the line text before the final split.
import { createToken, Lexer, type TokenType } from 'chevrotain';

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** 1 for the (ASCII) characters that end a word outside quotes: blanks, line breaks, `"`, braces, comment starts. */
const ENDS_WORD = new Uint8Array(128);
for (const c of ' \t\f\v\r\n"{}#!') ENDS_WORD[c.charCodeAt(0)] = 1;
/** 1 for the blanks other than CR. */
const BLANK = new Uint8Array(128);
for (const c of ' \t\f\v') BLANK[c.charCodeAt(0)] = 1;

/** Past the run of CRs at `at`. */
function crRunEnd(text: string, at: number): number {
  while (text.charCodeAt(at) === CR) at++;
  return at;
}

/** Where the line that `at` is in ends: at an LF, or at the CRs before it; lone CRs are part of the line. */
function lineEnd(text: string, at: number): number {
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c === LF) return at;
    if (c !== CR) at++;
    else {
      const end = crRunEnd(text, at);
      if (text.charCodeAt(end) === LF) return at;
      at = end;
    }
  }
  return at;
}

/** A word: a backslash escapes the next character (`\#`) unless that ends the line or is a CR. */
export function matchWord(text: string, offset: number): [string] | null {
  let at = offset;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c === BACKSLASH) {
      const next = text.charCodeAt(at + 1);
      const escapes = at + 1 < text.length && next !== LF && next !== CR;
      at += escapes ? 2 : 1;
      if (escapes) continue;
      break;
    }
    if (c < 128 && ENDS_WORD[c] === 1) break;
    at++;
  }
  return at > offset ? [text.slice(offset, at)] : null;
}

/** `"..."` on one line, where `\"` does not end it. */
export function matchQuoted(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== QUOTE) return null;
  for (let at = offset + 1; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === QUOTE) return [text.slice(offset, at + 1)];
    if (c === LF) return null;
    if (c === CR) {
      const end = crRunEnd(text, at);
      if (text.charCodeAt(end) === LF) return null;
      at = end - 1;
    } else if (c === BACKSLASH) {
      const next = text.charCodeAt(at + 1);
      if (at + 1 >= text.length || next === LF || next === CR) return null;
      at++;
    }
  }
  return null;
}

/** Blanks, lone CRs among them; not the CRs that end a line. */
export function matchBlanks(text: string, offset: number): [string] | null {
  let at = offset;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c < 128 && BLANK[c] === 1) at++;
    else if (c === CR) {
      const end = crRunEnd(text, at);
      if (text.charCodeAt(end) === LF) break;
      at = end;
    } else break;
  }
  return at > offset ? [text.slice(offset, at)] : null;
}

/** `#` or `!` to the end of the line. */
export function matchComment(text: string, offset: number): [string] | null {
  const c = text.charCodeAt(offset);
  return c === 0x23 || c === 0x21 ? [text.slice(offset, lineEnd(text, offset + 1))] : null;
}

/** A `"` with no closing quote on its line: to the end of the line. */
export function matchUnterminatedQuote(text: string, offset: number): [string] | null {
  return text.charCodeAt(offset) === QUOTE ? [text.slice(offset, lineEnd(text, offset + 1))] : null;
}

/**
 * keepalived reads lines with fgets, so only LF ends a line; it strips the CRs before the LF.
 * A lone CR inside a line is a blank like a space (`priority 100\r advert_int 5` is one line).
 * Blanks, comments, words and quoted strings are matched by loops, not regular expressions: an
 * alternation repeated once per character (`(?:\\.|[^\\"])*`) overflows the regexp engine's
 * backtrack stack on a single 8 MB word, and a lookahead per CR is quadratic on a run of CRs.
 */
export const Newline = createToken({ name: 'Newline', pattern: /\r*\n/, line_breaks: true });
export const Whitespace = createToken({ name: 'Whitespace', pattern: { exec: matchBlanks }, line_breaks: false, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: { exec: matchComment }, line_breaks: false, group: 'comments' });
/** Inside quotes `\"` does not end the string (keepalived's decomment skips escaped characters). */
export const Quoted = createToken({ name: 'Quoted', pattern: { exec: matchQuoted }, line_breaks: false });
/** A `"` with no closing quote on the same line: keepalived reports "Unterminated quote". */
export const UnterminatedQuote = createToken({ name: 'UnterminatedQuote', pattern: { exec: matchUnterminatedQuote }, line_breaks: false });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Word = createToken({ name: 'Word', pattern: { exec: matchWord }, line_breaks: false });

export const allTokens: TokenType[] = [
  Newline, Whitespace, Comment, Quoted, UnterminatedQuote, LBrace, RBrace, Word,
];

let lexer: Lexer | undefined;

/** The shared lexer; created lazily and without self-validation so start-up stays cheap. */
export function keepalivedLexer(): Lexer {
  lexer ??= new Lexer(allTokens, {
    positionTracking: 'onlyOffset',
    skipValidations: true,
    ensureOptimizations: false,
  });
  return lexer;
}

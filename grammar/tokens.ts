// Chevrotain tokens for keepalived.conf, following lib/parser.c of keepalived 2.2.7:
// - `#` and `!` start a comment anywhere outside double quotes, even glued to a word;
//   `\#` and `\!` outside quotes are literal characters;
// - a word starting with `"` runs to the next `"`; a `"` inside a word ends the word;
// - `{` and `}` outside quotes split the line wherever they are;
// - `${NAME}` is split at its braces here like keepalived does when NAME is undefined; the
//   preprocessor substitutes defined names on the line text before the final split.
import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * keepalived reads lines with fgets, so only LF ends a line; it strips the CRs before the LF.
 * A lone CR inside a line is a blank like a space (`priority 100\r advert_int 5` is one line).
 */
export const Newline = createToken({ name: 'Newline', pattern: /\r*\n/, line_breaks: true });
export const Whitespace = createToken({ name: 'Whitespace', pattern: /(?:[ \t\f\v]|\r(?!\r*\n))+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /[#!](?:[^\r\n]|\r(?!\r*\n))*/, group: 'comments' });
/** Inside quotes `\"` does not end the string (keepalived's decomment skips escaped characters). */
export const Quoted = createToken({ name: 'Quoted', pattern: /"(?:[^"\\\r\n]|\r(?!\r*\n)|\\[^\r\n])*"/ });
/** A `"` with no closing quote on the same line: keepalived reports "Unterminated quote". */
export const UnterminatedQuote = createToken({ name: 'UnterminatedQuote', pattern: /"(?:[^\r\n]|\r(?!\r*\n))*/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
/**
 * One logical line of words (keepalived is line based). Made by the preprocessor, never by the
 * lexer: the parser sees lines and braces, and each line carries its words as payload.
 */
export const Line = createToken({ name: 'Line', pattern: Lexer.NA });
export const Word = createToken({
  name: 'Word',
  pattern: /(?:\\[^\r\n]|[^ \t\f\v\r\n"{}#!\\])+\\?|\\/,
});

export const allTokens: TokenType[] = [
  Newline, Whitespace, Comment, Quoted, UnterminatedQuote, LBrace, RBrace, Word,
];

/** Tokens the parser consumes (after preprocessing). */
export const parserTokens: TokenType[] = [Line, LBrace, RBrace];

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

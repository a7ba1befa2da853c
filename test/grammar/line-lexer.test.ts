// Lines made by substitution and replication are lexed by a loop over the lexer's own token
// patterns (lexLineText) instead of a Chevrotain tokenize call per line: both must agree.
import { describe, expect, it } from 'vitest';
import { lexLineText } from '../../grammar/lines.js';
import { keepalivedLexer, LBrace, Quoted, RBrace, UnterminatedQuote, Word } from '../../grammar/tokens.js';

const KINDS = new Map<unknown, string>([[Word, 'word'], [Quoted, 'quoted'], [UnterminatedQuote, 'unterminated'], [LBrace, 'lbrace'], [RBrace, 'rbrace']]);

function chevrotainTokens(text: string) {
  return keepalivedLexer().tokenize(text).tokens
    .filter((t) => KINDS.has(t.tokenType))
    .map((t) => ({ kind: KINDS.get(t.tokenType), image: t.image, start: t.startOffset, end: t.startOffset + t.image.length }));
}

describe('lexLineText', () => {
  it('lexes like the Chevrotain lexer on 20,000 random lines of the characters that matter', () => {
    const alphabet = ['a', '1', ' ', '\t', '\r', '\n', '"', '\\', '{', '}', '#', '!', '\v', '\f', 'é', '\0', '$', '@', '~'];
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let n = Math.floor(random() * 16); n > 0; n--) text += alphabet[Math.floor(random() * alphabet.length)];
      if (JSON.stringify(lexLineText(text)) !== JSON.stringify(chevrotainTokens(text))) mismatches.push(JSON.stringify(text));
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('drops comments and keeps quoted words, braces and escapes', () => {
    expect(lexLineText('a "b c" {d} e\\#f # g').map((t) => [t.kind, t.image])).toEqual([
      ['word', 'a'], ['quoted', '"b c"'], ['lbrace', '{'], ['word', 'd'], ['rbrace', '}'], ['word', 'e\\#f'],
    ]);
  });
});

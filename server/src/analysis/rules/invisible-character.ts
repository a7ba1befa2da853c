// Unicode spaces and invisible characters inside words (no-break space, ideographic space,
// zero-width space, byte order mark). keepalived splits words only on ASCII blanks, so such
// a character silently becomes part of a keyword or value.
import type { WordNode } from '../../../../grammar/index.js';
import type { Rule } from '../rule.js';

export const INVISIBLE = /[\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;

const INVISIBLE_ANYWHERE = new RegExp(INVISIBLE.source);

const NAMES: Record<string, string> = {
  '\u00a0': 'NO-BREAK SPACE', '\u3000': 'IDEOGRAPHIC SPACE', '\u200b': 'ZERO WIDTH SPACE', '\ufeff': 'BYTE ORDER MARK',
  '\u202f': 'NARROW NO-BREAK SPACE', '\u2060': 'WORD JOINER',
};

function describe(c: string): string {
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[c] ? `${code} ${NAMES[c]}` : code;
}

/** Zero-width characters vanish; space-like ones between words become the space they look like. */
const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff]/g;

export function visibleWords(value: string): string {
  return value.replace(ZERO_WIDTH, '').replace(INVISIBLE, ' ').trim().replace(/ +/g, ' ');
}

export const invisibleCharacter: Rule = {
  meta: {
    id: 'invisible-character',
    defaultSeverity: 'error',
    category: 'syntax',
    description: 'A Unicode space or invisible character inside a word (e.g. a pasted ideographic space before a keyword); keepalived reads it as part of the word.',
    fixable: true,
  },
  check(context) {
    // Every word comes from some file's text (built-in values are ASCII): most files have none.
    if (!context.parse.files.some((file) => INVISIBLE_ANYWHERE.test(file.text))) return;
    const words: WordNode[] = [];
    for (const node of context.tree.all) {
      words.push(node.keyword, ...node.args);
      for (const item of node.items) words.push(...item.words);
    }
    for (const word of words) {
      const found = word.value.match(INVISIBLE);
      if (!found || word.via) continue;
      const kinds = [...new Set(found)].map(describe).join(', ');
      const cleaned = visibleWords(word.value);
      context.report({
        span: word.span,
        message: `'${word.value}' contains ${found.length} invisible character${found.length > 1 ? 's' : ''} (${kinds}); keepalived splits words only on ASCII spaces and tabs, so it reads '${word.value}', not '${cleaned}'`,
        fix: word.quoted ? undefined : { title: 'Replace the invisible characters', edits: [{ span: word.span, newText: cleaned }] },
      });
    }
  },
};

// Unicode spaces and invisible characters inside words (no-break space, ideographic space,
// zero-width space, byte order mark). keepalived splits words only on ASCII blanks, so such
// a character silently becomes part of a keyword or value. A lone CR (old Mac line ends, or
// pasted text) looks like a line break in editors, but keepalived reads it as a blank.
import type { WordNode } from '../../../../grammar/index.js';
import type { Rule, RuleContext } from '../rule.js';

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

/** A CR that does not end a line (CRs before LF do): keepalived reads it as a blank. */
const LONE_CR = /\r(?!\r*\n)(?=[^\n]*[^\s])/g;

/** Lone CRs with words after them: what looks like two lines is one to keepalived. */
function loneCarriageReturns(context: RuleContext): void {
  for (const file of context.parse.files) {
    if (!file.text.includes('\r')) continue;
    // One finding per file (a file with old Mac line ends has one at every line).
    const found = [...file.text.matchAll(LONE_CR)].map((m) => m.index ?? 0);
    if (found.length === 0) continue;
    const at = found[0];
    const lineEnd = file.text.indexOf('\n', at);
    const next = file.text.slice(at + 1, lineEnd < 0 ? undefined : lineEnd).split('\r').map((part) => part.trim()).find(Boolean);
    const more = found.length > 1 ? ` (${found.length - 1} more lone CR${found.length > 2 ? 's' : ''} in this file)` : '';
    context.report({
      span: { file: file.id, start: at, end: at + 1 },
      message: `a carriage return (CR) inside a line: keepalived ends lines only at LF and reads a lone CR as a blank, so '${next}' is part of this line, not a line of its own${more}`,
      suggestions: [{ title: 'Make the lone CRs line breaks', edits: found.map((start) => ({ span: { file: file.id, start, end: start + 1 }, newText: '\n' })) }],
    });
  }
}

export const invisibleCharacter: Rule = {
  meta: {
    id: 'invisible-character',
    defaultSeverity: 'error',
    category: 'syntax',
    description: 'A Unicode space or invisible character inside a word (e.g. a pasted ideographic space before a keyword), or a lone CR that looks like a line break; keepalived reads them as part of the word or line.',
    fixable: true,
  },
  check(context) {
    loneCarriageReturns(context);
    // Every word comes from some file's text (built-in values are ASCII): most files have none.
    if (!context.parse.files.some((file) => INVISIBLE_ANYWHERE.test(file.text))) return;
    const words: WordNode[] = [];
    for (const node of context.tree.all) {
      words.push(node.keyword);
      for (const arg of node.args) words.push(arg);
      for (const item of node.items) for (const word of item.words) words.push(word);
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

// Small helpers shared by rules: naming things in messages and guessing what was meant.
import type { ConfigNode } from '../model/config-tree.js';
import type { RuleContext } from '../rule.js';

/** Longer words are shortened where a message names them. */
const MAX_SHOWN_WORD = 64;

/**
 * A word as messages about other lines show it: a block's name or the keyword that shifted the
 * block structure is named in the message of every line it affects, so a word of a megabyte-long
 * line (an unterminated quote) would be copied into thousands of messages.
 */
export function shortWord(word: string): string {
  return word.length <= MAX_SHOWN_WORD ? word : `${word.slice(0, MAX_SHOWN_WORD - 16)}... (${word.length} characters)`;
}

/** "vrrp_instance VI_1", "the top level" ... for messages. */
export function describeBlock(node: ConfigNode | undefined): string {
  if (!node) return 'the top level';
  const name = node.args[0]?.value;
  const keyword = shortWord(node.keyword.value);
  return name && node.def?.kind !== 'value_block' ? `'${keyword} ${shortWord(name)}'` : `'${keyword}'`;
}

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Candidates close to `word`, best first; at most two edits, fewer for short words. */
export function closeMatches(word: string, candidates: Iterable<string>): string[] {
  const limit = word.length <= 4 ? 1 : 2;
  const scored: Array<[string, number]> = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    if (distance <= limit) scored.push([candidate, distance]);
  }
  return scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).map(([c]) => c);
}

/** True when an enclosing block is a keyword of the other dialect (reported there). */
export function insideUnavailableBlock(node: ConfigNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.lookup && !p.def) return true;
  return false;
}

/** How keepalived treats the braces of a keyword it does not know, for messages. */
export function cascadeNote(node: ConfigNode): string {
  if (!node.statement.block) return '';
  const parent = describeBlock(node.parent);
  return `. keepalived ignores its '{', reads the lines of its block as keywords of ${parent}, and its '}' closes ${parent}`;
}

/** Explains why keepalived reads a line in another block than its braces suggest. */
export function displacementNote(node: ConfigNode, context: RuleContext): string {
  const cause = node.displacedBy;
  if (!cause) return '';
  return ` (keepalived reads this line in ${describeBlock(node.parent)}: the braces of '${shortWord(cause.keyword.value)}' on ${context.lineRef(cause.keyword.span, node.keyword.span)} are not a block to keepalived, so the block structure shifted)`;
}

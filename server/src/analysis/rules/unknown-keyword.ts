// Keywords keepalived does not know in any block (typos, made-up names, newer versions).
import misremembered from '../../../../grammar/keywords/misremembered.json';
import type { ConfigNode } from '../model/config-tree.js';
import type { Rule, RuleContext } from '../rule.js';
import { cascadeNote, closeMatches, describeBlock, displacementNote, insideUnavailableBlock } from './helpers.js';
import { INVISIBLE, visibleWords } from './invisible-character.js';

function versionMessage(context: RuleContext, node: ConfigNode): string | undefined {
  const lookup = node.lookup;
  if (lookup?.availability === 'newer-version') {
    return `'${node.keyword.value}' is not in keepalived ${context.settings.keepalivedVersion}: it first appeared in ${lookup.def.since}, so this version rejects it as an unknown keyword`;
  }
  if (lookup?.availability === 'not-built') {
    const flags = lookup.def.requires_build?.join(', ') ?? 'a build option';
    return `'${node.keyword.value}' is unknown to Debian's keepalived ${context.settings.keepalivedVersion}: that build lacks ${flags}`;
  }
  return undefined;
}

const knownMistakes: Record<string, { meant: string } | undefined> = misremembered.names;

/** Keywords of the block the author may have meant: a name tutorials spread, else the close spellings. */
function candidatesFor(context: RuleContext, where: string, word: string): string[] {
  const names = context.schema.keywords(where).map((d) => d.name);
  const meant = Object.hasOwn(knownMistakes, word) ? knownMistakes[word]?.meant : undefined;
  if (meant && names.includes(meant)) return [meant];
  return closeMatches(word, names);
}

export const unknownKeyword: Rule = {
  meta: {
    id: 'unknown-keyword',
    defaultSeverity: 'error',
    category: 'schema',
    description: 'A keyword keepalived does not know (or not in the target version); keepalived ignores the line, and its block cascades.',
    fixable: true,
  },
  check(context) {
    // A generated or replicated file repeats the same unknown word many times: rank once.
    const suggestions = new Map<string, string[]>();
    const suggestionsFor = (where: string, word: string) => {
      const key = `${where}\u0000${word}`;
      let found = suggestions.get(key);
      if (!found) suggestions.set(key, (found = candidatesFor(context, where, word)));
      return found;
    };
    for (const node of context.tree.all) {
      if (node.def || insideUnavailableBlock(node)) continue;
      const versioned = versionMessage(context, node);
      if (versioned) {
        context.report({ span: node.keyword.span, message: versioned + cascadeNote(node) + displacementNote(node, context) });
        continue;
      }
      if (node.lookup) continue;
      // A known keyword behind invisible characters is reported by invisible-character.
      const visible = visibleWords(node.keyword.value).split(' ')[0];
      if (node.keyword.value.search(INVISIBLE) >= 0 && context.schema.find(node.context, visible)) continue;
      const elsewhere = context.schema.definitionsNamed(node.keyword.value);
      if (elsewhere.some((d) => context.schema.availability(d) === 'available')) continue; // wrong-block
      const candidates = suggestionsFor(node.context, node.keyword.value);
      let message = `unknown keyword '${node.keyword.value}' in ${describeBlock(node.parent)}`;
      if (candidates.length > 0) message += `; did you mean '${candidates[0]}'?`;
      else if (elsewhere.length > 0) message += ` (it is a ${elsewhere[0].dialect === 'dpvs' ? 'DPVS fork' : 'newer keepalived'} keyword of '${elsewhere[0].path}')`;
      message += cascadeNote(node) + displacementNote(node, context);
      const replace = (name: string) => ({ title: `Replace with '${name}'`, edits: [{ span: node.keyword.span, newText: name }] });
      context.report({
        span: node.keyword.span,
        message,
        fix: candidates.length === 1 && node.keyword.value.length >= 4 ? replace(candidates[0]) : undefined,
        suggestions: candidates.length > 1 ? candidates.slice(0, 3).map(replace) : undefined,
      });
    }
  },
};

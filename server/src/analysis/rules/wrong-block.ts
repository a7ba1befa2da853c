// A keyword keepalived knows, written in a block where it does not belong.
import { contextOf, ROOT_CONTEXT } from '../../../../grammar/keywords/index.js';
import type { Rule } from '../rule.js';
import { describeBlock, displacementNote, insideUnavailableBlock } from './helpers.js';

const contextName = (context: string) => (context === ROOT_CONTEXT ? 'the top level' : `'${context.split('/').pop()}'`);

export const wrongBlock: Rule = {
  meta: {
    id: 'wrong-block',
    defaultSeverity: 'error',
    category: 'schema',
    description: 'A known keyword in a block where keepalived does not accept it; keepalived reports it as unknown and ignores it.',
    fixable: false,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (node.lookup || insideUnavailableBlock(node)) continue;
      const homes = context.schema.definitionsNamed(node.keyword.value).filter((d) => context.schema.availability(d) === 'available');
      if (homes.length === 0) continue;
      const where = [...new Set(homes.map((d) => contextName(contextOf(d))))];
      const shown = where.slice(0, 3).join(', ') + (where.length > 3 ? ` and ${where.length - 3} more` : '');
      context.report({
        span: node.keyword.span,
        message: `'${node.keyword.value}' is not valid in ${describeBlock(node.parent)}; it belongs in ${shown}. keepalived reports it as an unknown keyword and ignores it${displacementNote(node, context)}`,
      });
    }
  },
};

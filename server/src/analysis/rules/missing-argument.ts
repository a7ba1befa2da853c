// A keyword without the value it needs. keepalived 2.2.7 stops reading the whole
// configuration at such a line ("is missing a parameter") and exits.
import { lineBinding } from '../model/items.js';
import type { Rule } from '../rule.js';
import { insideUnavailableBlock } from './helpers.js';

export const missingArgument: Rule = {
  meta: {
    id: 'missing-argument',
    defaultSeverity: 'error',
    category: 'schema',
    description: 'A keyword without a value it needs; keepalived stops reading the configuration at that line.',
    fixable: false,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (!node.def || insideUnavailableBlock(node)) continue;
      const binding = lineBinding(node);
      if (!binding) continue;
      for (const missing of binding.missing) {
        context.report({
          span: node.keyword.span,
          message: `'${node.keyword.value}' needs a value for <${missing.name}> (${node.def.syntax}); keepalived stops reading the configuration here`,
          stopsReading: true,
        });
      }
      for (const option of binding.missingOptionValues) {
        context.report({ span: option.span, message: `'${option.value}' of '${node.keyword.value}' needs a value (${node.def.syntax})` });
      }
    }
  },
};

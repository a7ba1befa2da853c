// Blocks without the keyword that gives them meaning: a vrrp_script without `script`,
// a bfd_instance without `neighbor_ip`, a vrrp_instance without `virtual_router_id` ...
import { missingRequirement } from '../model/required.js';
import type { Rule } from '../rule.js';
import { describeBlock, insideUnavailableBlock } from './helpers.js';

export const missingRequiredKeyword: Rule = {
  meta: {
    id: 'missing-required-keyword',
    defaultSeverity: 'error',
    category: 'schema',
    description: 'A block without a keyword it cannot work without (vrrp_script without script, vrrp_instance without virtual_router_id, ...); keepalived drops or disables it.',
    fixable: false,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (insideUnavailableBlock(node)) continue;
      const missing = missingRequirement(node);
      if (!missing) continue;
      const names = missing.anyOf.map((n) => `'${n}'`).join(' or ');
      context.report({
        span: (node.args[0] ?? node.keyword).span,
        message: `${describeBlock(node)} has no ${names}: ${missing.consequence}`,
      });
    }
  },
};

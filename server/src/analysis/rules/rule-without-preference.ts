// An ip rule without preference/priority/order: alloc_rule() (keepalived/vrrp/vrrp_iprule.c)
// numbers it itself, counting down from 16384 per family, so its place among the system's
// rules depends on how many rules come before it in the file.
import { itemShape } from '../model/items.js';
import type { Rule } from '../rule.js';

const PREFERENCE = new Set(['preference', 'priority', 'order']);

export const ruleWithoutPreference: Rule = {
  meta: {
    id: 'rule-without-preference',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'A static_rules or virtual_rules entry without preference: keepalived assigns one counting down from 16384.',
    fixable: false,
  },
  check(context) {
    for (const node of context.tree.all) {
      if (node.def?.kind !== 'value_block' || itemShape(node.def, context.schema)?.grammar !== '@rule_spec') continue;
      for (const item of node.items) {
        if (item.words.length === 0 || item.words.some((w) => PREFERENCE.has(w.value))) continue;
        context.report({
          span: item.words[0].span,
          message: `this rule in ${node.keyword.value} has no preference: keepalived gives it one counting down from 16384 (per address family, in file order), so where it sits among the other ip rules is accidental. Add 'preference N'`,
        });
      }
    }
  },
};

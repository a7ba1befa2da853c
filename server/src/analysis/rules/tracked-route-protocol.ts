// A tracked route or rule with a `protocol` other than keepalived's own (RTPROT_KEEPALIVED, 18):
// alloc_route() and alloc_rule() (keepalived/vrrp/vrrp_iproute.c, vrrp_iprule.c) track every
// route/rule not marked no_track by its protocol, so they overwrite it with 18. In 2.2.7 the
// rule's protocol must be numeric (names are rejected as 'Invalid protocol').
import { itemShape, wordAfter } from '../model/items.js';
import type { Rule } from '../rule.js';

const KEEPALIVED_PROTOCOL = new Set(['18', 'keepalived']);

export const trackedRouteProtocol: Rule = {
  meta: {
    id: 'tracked-route-protocol',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: "A static or virtual route/rule with a protocol other than keepalived (18) and without no_track: keepalived resets the protocol to 18.",
    fixable: false,
  },
  check(context) {
    for (const node of context.tree.all) {
      const grammar = node.def?.kind === 'value_block' ? itemShape(node.def, context.schema)?.grammar : undefined;
      if (grammar !== '@route_spec' && grammar !== '@rule_spec') continue;
      const what = grammar === '@route_spec' ? 'route' : 'rule';
      for (const item of node.items) {
        const protocol = wordAfter(item.words, 'protocol');
        if (!protocol || KEEPALIVED_PROTOCOL.has(protocol.value) || item.words.some((w) => w.value === 'no_track')) continue;
        // 2.2.7 reads a rule's protocol as a number only; a name is invalid-value's finding.
        if (what === 'rule' && !/^\d+$/.test(protocol.value)) continue;
        context.report({
          span: protocol.span,
          message: `this ${what} in ${node.keyword.value} is tracked, and a tracked ${what} must have keepalived's protocol (18): keepalived replaces protocol ${protocol.value} with 18. Remove the protocol, or add 'no_track' if the ${what} must keep it`,
        });
      }
    }
  },
};

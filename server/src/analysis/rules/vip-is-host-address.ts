// A VIP that is some host's fixed address: on failover two machines answer for it.
import { vipUses } from '../host/addresses.js';
import { describeHost, ownerOf } from '../host/lookup.js';
import { firstChild } from '../model/config-tree.js';
import type { Rule } from '../rule.js';

export const vipIsHostAddress: Rule = {
  meta: {
    id: 'vip-is-host-address',
    defaultSeverity: 'error',
    category: 'host',
    description: "A virtual_ipaddress that is a host's own fixed address: when the VIP moves, two machines answer for the same address.",
    fixable: false,
  },
  check(context) {
    const facts = context.facts;
    if (!facts) return;
    for (const vip of vipUses(context.tree)) {
      const owner = ownerOf(facts, vip.address);
      if (!owner) continue;
      // priority 255 declares this node the address owner: that is what VRRP allows.
      if (firstChild(vip.instance, 'priority')?.args[0]?.value === '255' && owner.host === facts.self) continue;
      context.report({
        span: vip.word.span,
        message: `VIP ${vip.word.value} is the fixed address of ${describeHost(owner.host)}: when it moves to another node, both machines answer ARP for it`,
        related: [{ ...owner.fact.location, message: `${owner.host.name}'s address` }],
      });
    }
  },
};

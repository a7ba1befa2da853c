// A unicast_peer that is this host's own address: the node sends adverts to itself and never
// reaches its partner, so both sides may become MASTER.
import { describeHost, hasAddress, sameSubnetAddress } from '../host/lookup.js';
import { formatIp, parseIp } from '../net/ip.js';
import type { Rule } from '../rule.js';

export const unicastPeerIsSelf: Rule = {
  meta: {
    id: 'unicast-peer-is-self',
    defaultSeverity: 'error',
    category: 'host',
    description: "A unicast_peer that is an address of the host running the file: adverts never reach the partner and both nodes may become MASTER.",
    fixable: true,
  },
  check(context) {
    const facts = context.facts;
    const self = facts?.self;
    if (!facts || !self) return;
    for (const node of context.tree.all) {
      if (node.def?.path !== 'vrrp_instance/unicast_peer') continue;
      for (const item of node.items) {
        const word = item.words[0];
        const address = word && parseIp(word.value.split('/')[0]);
        if (!address || !hasAddress(self, address)) continue;
        // The partner: the only other host with an address in the same subnet.
        const partners = facts.hosts.filter((h) => h !== self && sameSubnetAddress(h, address));
        const partner = partners.length === 1 ? sameSubnetAddress(partners[0], address) : undefined;
        context.report({
          span: word.span,
          message: `unicast_peer ${word.value} is ${describeHost(self)}'s own address, and this file runs on ${self.name}: VRRP adverts go back to this node instead of its partner, so both nodes can become MASTER${partner ? `. The partner is ${partners[0].name} (${formatIp(partner.address)})` : ''}`,
          fix: partner && !word.via ? { title: `Use ${partners[0].name}'s address ${formatIp(partner.address)}`, edits: [{ span: word.span, newText: formatIp(partner.address) }] } : undefined,
        });
      }
    }
  },
};

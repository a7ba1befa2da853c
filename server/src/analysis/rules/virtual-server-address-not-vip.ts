// A virtual_server on an address that no VRRP instance of the workspace carries and that the
// host does not own: no node will ever receive its traffic.
import { vipUses } from '../host/addresses.js';
import { hasAddress } from '../host/lookup.js';
import { virtualServers } from '../model/lvs.js';
import { parseIp, sameAddress } from '../net/ip.js';
import type { Rule } from '../rule.js';

export const virtualServerAddressNotVip: Rule = {
  meta: {
    id: 'virtual-server-address-not-vip',
    defaultSeverity: 'warning',
    category: 'host',
    description: 'A virtual_server address that is neither a VIP of any VRRP instance in the workspace nor an address of the host.',
    fixable: false,
  },
  check(context) {
    const facts = context.facts;
    if (!facts?.workspaceVips) return;
    const vips = [...facts.workspaceVips, ...vipUses(context.tree).map((v) => v.address)];
    for (const vs of virtualServers(context.tree.roots)) {
      const address = vs.address && parseIp(vs.address.value);
      if (!address || !vs.address || address.value === 0n) continue;
      if (vips.some((v) => sameAddress(v, address)) || (facts.self && hasAddress(facts.self, address))) continue;
      context.report({
        span: vs.address.span,
        message: `virtual_server ${vs.address.value} is not a VIP of any vrrp_instance in the workspace${facts.self ? ` nor an address of ${facts.self.name}` : ''}: no node receives its traffic unless something else brings the address up`,
      });
    }
  },
};

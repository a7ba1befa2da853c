// FNAT rewrites the client source address to a local address of the load balancer; without
// laddr_group_name (or, in the dsnat fork, a `zone` naming one) the fork has no source address
// for the real-server side.
import { virtualServers } from '../model/lvs.js';
import type { Rule } from '../rule.js';

export const fnatWithoutLocalAddresses: Rule = {
  meta: {
    id: 'fnat-without-local-addresses',
    defaultSeverity: 'error',
    category: 'lvs',
    description: 'An FNAT virtual_server without laddr_group_name: the load balancer has no local address to send traffic to the real servers from.',
    fixable: false,
  },
  check(context) {
    // The dsnat fork's top-level `zone` blocks map client networks to local address groups.
    const zoneGroups = context.tree.roots.some((n) => n.keyword.value === 'zone' && n.children.some((c) => c.keyword.value === 'laddr_group_name'));
    if (zoneGroups) return;
    for (const vs of virtualServers(context.tree.roots)) {
      // Under stock keepalived FNAT itself is the problem (dialect-keyword says so).
      if (context.settings.dialect !== 'dpvs' || vs.method?.value.toUpperCase() !== 'FNAT' || vs.localAddressGroup) continue;
      context.report({
        span: vs.method.span,
        message: `FNAT virtual_server ${vs.address?.value ?? vs.node.args.map((a) => a.value).join(' ')} has no laddr_group_name: full NAT needs a local_address_group to take source addresses from, or no connection reaches the real servers`,
      });
    }
  },
};

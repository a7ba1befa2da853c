// A VRRP instance without a virtual IP address moves nothing on failover. keepalived checks it
// in vrrp_complete_instance() (keepalived/vrrp/vrrp.c): "No VIP specified; at least one is
// sensible", or "... is required" for VRRPv3, IPv6 and strict mode, where it rejects the
// configuration and the VRRP process does not start. virtual_ipaddress_excluded does not count.
import { firstChild } from '../model/config-tree.js';
import { instanceLabel, vrrpView } from '../model/vrrp.js';
import type { Rule } from '../rule.js';

export const noVirtualIpaddress: Rule = {
  meta: {
    id: 'no-virtual-ipaddress',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'A vrrp_instance without any virtual_ipaddress: failover moves no address (with VRRPv3, IPv6 or strict mode keepalived refuses the configuration).',
    fixable: false,
  },
  check(context) {
    for (const instance of vrrpView(context.tree).instances) {
      // Only a version that knows no_virtual_ipaddress (2.2.8+) accepts it.
      if (firstChild(instance.node, 'no_virtual_ipaddress')?.def) continue;
      if (instance.vips.length > 0) continue;
      const blocks = instance.node.children.filter((c) => c.keyword.value === 'virtual_ipaddress');
      const excluded = instance.node.children.some((c) => c.keyword.value === 'virtual_ipaddress_excluded' && c.items.length > 0);
      const what = excluded ? ' (virtual_ipaddress_excluded does not count: those addresses are not advertised)' : blocks.length > 0 ? ' entries' : '';
      const required = instance.version === 3 || instance.family === 6 || instance.strict;
      const why = instance.strict ? 'strict mode' : instance.family === 6 ? 'IPv6' : 'VRRP version 3';
      context.report({
        span: (instance.node.args[0] ?? instance.node.keyword).span,
        severity: required ? 'error' : undefined,
        message: required
          ? `${instanceLabel(instance)} has no virtual_ipaddress${what}: with ${why} at least one is required, so keepalived rejects the configuration and VRRP does not start`
          : `${instanceLabel(instance)} has no virtual_ipaddress${what}: failover moves no address`,
      });
    }
  },
};

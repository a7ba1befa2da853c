// A VRRP instance without a virtual IP address moves nothing on failover.
import { firstChild } from '../model/config-tree.js';
import type { Rule } from '../rule.js';

export const noVirtualIpaddress: Rule = {
  meta: {
    id: 'no-virtual-ipaddress',
    defaultSeverity: 'warning',
    category: 'vrrp',
    description: 'A vrrp_instance without any virtual_ipaddress: failover moves no address.',
    fixable: false,
  },
  check(context) {
    for (const instance of context.tree.all) {
      if (instance.def?.path !== 'vrrp_instance') continue;
      if (firstChild(instance, 'no_virtual_ipaddress')) continue;
      const vips = instance.children.filter((c) => c.keyword.value === 'virtual_ipaddress' || c.keyword.value === 'virtual_ipaddress_excluded');
      if (vips.some((v) => v.items.length > 0)) continue;
      context.report({
        span: (instance.args[0] ?? instance.keyword).span,
        message: `vrrp_instance '${instance.args[0]?.value ?? ''}' has no virtual_ipaddress${vips.length > 0 ? ' entries' : ''}: failover moves no address`,
      });
    }
  },
};

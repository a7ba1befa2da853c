// Two VRRP instances with the same virtual_router_id on the same interface collide: their
// adverts are indistinguishable and both fight over the same virtual MAC.
import { firstChild, type ConfigNode } from '../model/config-tree.js';
import type { Rule } from '../rule.js';

function familyOf(instance: ConfigNode): string {
  const vip = firstChild(instance, 'virtual_ipaddress')?.items[0]?.words[0]?.value ?? '';
  return vip.includes(':') ? 'inet6' : 'inet';
}

export const duplicateVrid: Rule = {
  meta: {
    id: 'duplicate-vrid',
    defaultSeverity: 'error',
    category: 'vrrp',
    description: 'Two vrrp_instances with the same virtual_router_id on the same interface and address family.',
    fixable: false,
  },
  check(context) {
    const seen = new Map<string, ConfigNode>();
    const names = new Set<string>();
    for (const instance of context.tree.all) {
      if (instance.def?.path !== 'vrrp_instance') continue;
      // keepalived skips the whole block of a second instance with a taken name (duplicate-definition says so).
      const name = instance.args[0]?.value ?? '';
      if (names.has(name)) continue;
      names.add(name);
      const vrid = firstChild(instance, 'virtual_router_id')?.args[0];
      const iface = firstChild(instance, 'interface')?.args[0]?.value ?? '';
      if (!vrid) continue;
      const key = `${iface}\u0000${vrid.value}\u0000${familyOf(instance)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, instance);
        continue;
      }
      const firstVrid = firstChild(first, 'virtual_router_id')!.args[0];
      if (firstVrid.span.start === vrid.span.start && firstVrid.span.file === vrid.span.file) continue;
      context.report({
        span: vrid.span,
        message: `virtual_router_id ${vrid.value} is already used by vrrp_instance '${first.args[0]?.value ?? ''}' on ${iface || 'the same interface'} (${context.lineRef(firstVrid.span, vrid.span)}); the two instances will disrupt each other`,
        related: [{ span: firstVrid.span, message: 'first use of this virtual_router_id' }],
      });
    }
  },
};

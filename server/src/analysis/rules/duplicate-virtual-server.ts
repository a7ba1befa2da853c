// The same virtual_server twice on one host. keepalived 2.2.7 accepts it: init_services()
// (keepalived/check/ipwrapper.c) adds each block's service to IPVS, and ipvs_talk()
// (ipvswrapper.c) ignores the kernel's "already exists" for the second, so both blocks feed one
// IPVS service that keeps the first block's scheduler and options while the real servers of
// both are added to it, each set checked by its own block.
import { childrenNamed } from '../model/config-tree.js';
import { serviceName, virtualServers, type VirtualServerView } from '../model/lvs.js';
import { formatIp, parseIp } from '../net/ip.js';
import type { Rule } from '../rule.js';

/** What IPVS knows the service by (vs_iseq() in ipwrapper.c): address, port and protocol; the mark; or the group. */
function serviceKey(vs: VirtualServerView): string | undefined {
  if (vs.group) return `group\u0000${vs.group.value}`;
  if (vs.fwmark) {
    const family = childrenNamed(vs.node, 'ip_family').pop()?.args[0]?.value ?? '';
    return `fwmark\u0000${vs.fwmark.value}\u0000${family}`;
  }
  const address = vs.address && parseIp(vs.address.value);
  if (!address || !vs.port) return undefined;
  return `address\u0000${formatIp(address)}\u0000${vs.port.value}\u0000${vs.protocol}`;
}

export const duplicateVirtualServer: Rule = {
  meta: {
    id: 'duplicate-virtual-server',
    defaultSeverity: 'warning',
    category: 'lvs',
    description: 'The same virtual_server (address, port and protocol; fwmark; or group) defined twice: both blocks feed one IPVS service with the first block\'s settings.',
    fixable: false,
  },
  check(context) {
    const first = new Map<string, VirtualServerView>();
    for (const vs of virtualServers(context.tree.roots)) {
      const key = serviceKey(vs);
      if (!key) continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, vs);
        continue;
      }
      const protocol = vs.fwmark || vs.group ? '' : ` ${vs.protocol}`;
      context.report({
        span: vs.node.keyword.span,
        message: `${serviceName(vs)}${protocol} is already defined on ${context.lineRef(earlier.node.keyword.span, vs.node.keyword.span)}: keepalived adds both to IPVS as one service, which keeps the first block's scheduler and options, and the real servers of both blocks end up in it. Merge the two blocks`,
        related: [{ span: earlier.node.keyword.span, message: 'the first definition of this service' }],
      });
    }
  },
};

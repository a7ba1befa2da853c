// A virtual_server on an address that no VRRP instance of the workspace carries and that the
// host does not own: no node will ever receive its traffic.
import { vipUses } from '../host/addresses.js';
import { hasAddress } from '../host/lookup.js';
import { virtualServers } from '../model/lvs.js';
import { addressKey, parseIp } from '../net/ip.js';
import type { WorkspaceRule } from '../workspace-rule.js';

export const virtualServerAddressNotVip: WorkspaceRule = {
  meta: {
    id: 'virtual-server-address-not-vip',
    defaultSeverity: 'warning',
    category: 'host',
    description: 'A virtual_server address that is neither a VIP of any VRRP instance in the workspace nor an address of the host running the file.',
    fixable: false,
  },
  checkWorkspace(context) {
    // Keyed by family and value (sameAddress), so a fleet's virtual servers are not each compared with every VIP.
    const vips = new Set(context.configs.flatMap((c) => vipUses(c.tree).map((v) => addressKey(v.address))));
    for (const config of context.configs) {
      for (const vs of virtualServers(config.tree.roots)) {
        const address = vs.address && parseIp(vs.address.value);
        if (!address || !vs.address || address.value === 0n) continue;
        if (vips.has(addressKey(address)) || (config.host && hasAddress(config.host, address))) continue;
        context.report({
          location: context.location(config, vs.address.span),
          message: `virtual_server ${vs.address.value} is not a VIP of any vrrp_instance in the workspace${config.host ? ` nor an address of ${config.host.name}` : ''}: no node receives its traffic unless something outside keepalived brings the address up`,
        });
      }
    }
  },
};

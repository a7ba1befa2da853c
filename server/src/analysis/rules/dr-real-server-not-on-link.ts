// LVS direct routing rewrites only the destination MAC address (ip_vs_dr_xmit() in the kernel
// sends the unchanged IP packet out of the director's own link), so a DR real server must sit
// in a subnet the director is directly connected to. A routed real server still passes its
// TCP_CHECK (health checks are ordinary connections), but forwarded requests never reach it.
// TUN encapsulates and NAT/FNAT rewrite addresses: they route normally and are exempt.
import type { HostAddressFact } from '../host/context.js';
import { childrenNamed } from '../model/config-tree.js';
import { virtualServers, type RealServerView } from '../model/lvs.js';
import { inSubnet, parseIp } from '../net/ip.js';
import type { Rule } from '../rule.js';

/** The forwarding method of a real server: its own lvs_method/lb_kind, else the virtual server's (NAT by default). */
function methodOf(rs: RealServerView, serviceMethod: string | undefined): string {
  const own = [...childrenNamed(rs.node, 'lvs_method'), ...childrenNamed(rs.node, 'lb_kind')].pop()?.args[0]?.value;
  return (own ?? serviceMethod ?? 'NAT').toUpperCase();
}

const describeSubnet = (a: HostAddressFact) => `${a.interface ? `${a.interface} ` : ''}${a.address.text}/${a.prefix}`;

export const drRealServerNotOnLink: Rule = {
  meta: {
    id: 'dr-real-server-not-on-link',
    defaultSeverity: 'error',
    category: 'host',
    description: "A real_server of a DR virtual_server outside every subnet of the director's interfaces (host facts): DR only rewrites the MAC, so forwarded requests never reach a routed real server.",
    fixable: false,
  },
  check(context) {
    const self = context.facts?.self;
    if (!self || self.addresses.length === 0) return;
    for (const vs of virtualServers(context.tree.roots)) {
      for (const rs of vs.realServers) {
        const address = rs.address && parseIp(rs.address.value);
        if (!address || !rs.address || methodOf(rs, vs.method?.value) !== 'DR') continue;
        const family = self.addresses.filter((a) => a.address.family === address.family);
        if (family.length === 0 || family.some((a) => inSubnet(address, a.address, a.prefix))) continue;
        context.report({
          span: rs.address.span,
          message: `real_server ${rs.address.value} is not on a subnet of ${self.name} (${family.map(describeSubnet).join(', ')}), but the virtual_server forwards with DR, which only rewrites the destination MAC and cannot cross a router: the health check passes and forwarded requests never arrive. Put the real server on the director's link, or use TUN or NAT`,
          related: family.map((a) => ({ ...a.location, message: `${describeSubnet(a)}: an interface subnet of ${self.name} in the workspace facts` })),
        });
      }
    }
  },
};

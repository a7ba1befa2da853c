// The two nodes of a VRRP pair must carry the same VIPs, or failover moves a different set.
import { hostName, vrrpPairs, type InstanceView } from '../host/pairs.js';
import { sameAddress } from '../net/ip.js';
import type { WorkspaceRule, WorkspaceRuleContext } from '../workspace-rule.js';

function missingOnPeer(context: WorkspaceRuleContext, side: InstanceView, peer: InstanceView): void {
  for (const vip of side.vips) {
    if (peer.vips.some((v) => sameAddress(v.address, vip.address))) continue;
    context.report({
      location: context.location(side.config, vip.word.span),
      message: `VIP ${vip.word.value} of vrrp_instance ${side.name} (virtual_router_id ${side.vrid.value}) is missing on ${hostName(peer.config)}: when ${hostName(peer.config)} becomes MASTER this address is not brought up`,
      related: [{ ...context.location(peer.config, peer.node.keyword.span), message: `vrrp_instance ${peer.name} on ${hostName(peer.config)}` }],
    });
  }
}

export const pairVipsDiffer: WorkspaceRule = {
  meta: {
    id: 'pair-vips-differ',
    defaultSeverity: 'error',
    category: 'pair',
    description: 'The two nodes of a VRRP pair (same virtual_router_id on the same segment) carry different virtual_ipaddress sets.',
    fixable: false,
  },
  checkWorkspace(context) {
    for (const { a, b } of vrrpPairs(context.configs)) {
      missingOnPeer(context, a, b);
      missingOnPeer(context, b, a);
    }
  },
};

// The two nodes of a VRRP pair must carry the same VIPs, or failover moves a different set.
import { hostList, hostName, vrrpClusters, type InstanceView } from '../host/pairs.js';
import { sameAddress } from '../net/ip.js';
import type { WorkspaceRule, WorkspaceRuleContext } from '../workspace-rule.js';

function missingOnPeers(context: WorkspaceRuleContext, side: InstanceView, cluster: readonly InstanceView[]): void {
  for (const vip of side.vips) {
    const lacking = cluster.filter((peer) => peer !== side && !peer.vips.some((v) => sameAddress(v.address, vip.address)));
    if (lacking.length === 0) continue;
    const names = hostList(context, lacking);
    context.report({
      location: context.location(side.config, vip.word.span),
      message: `VIP ${vip.word.value} of vrrp_instance ${side.name} (virtual_router_id ${side.vrid.value}) is missing on ${names}: when ${names} ${lacking.length > 1 ? 'become' : 'becomes'} MASTER this address is not brought up`,
      related: lacking.map((peer) => ({ ...context.location(peer.config, peer.node.keyword.span), message: `vrrp_instance ${peer.name} on ${hostName(context, peer.config)}` })),
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
    for (const cluster of vrrpClusters(context.configs)) {
      for (const side of cluster) missingOnPeers(context, side, cluster);
    }
  },
};

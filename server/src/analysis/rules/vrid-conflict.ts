// Two clusters on one segment with one virtual_router_id: each takes the other's adverts for
// its own router's, so a node of one cluster can stand back behind the other cluster's master
// and its VIPs go down (and both use the virtual MAC 00:00:5e:00:01:<vrid>).
import { hostList, segmentAddresses, vrrpGroups, type InstanceView } from '../host/pairs.js';
import { formatIp, networkOf } from '../net/ip.js';
import type { WorkspaceRule, WorkspaceRuleContext } from '../workspace-rule.js';

/** The fact that puts two instances on one segment: the subnet of the member's interface. */
function segment(member: InstanceView): string {
  const address = segmentAddresses(member).find((a) => a.address.family === member.family);
  if (!address) return 'the same segment';
  const network = { family: address.address.family, value: networkOf(address.address, address.prefix), text: '' };
  return `${formatIp(network)}/${address.prefix}${address.interface ? ` (${address.interface})` : ''}`;
}

const vipList = (members: readonly InstanceView[]) => [...new Set(members.flatMap((m) => m.vips.map((v) => v.word.value)))].join(', ');

function reportCollision(context: WorkspaceRuleContext, member: InstanceView, others: InstanceView[]): void {
  context.report({
    location: context.location(member.config, member.vrid.span),
    message: `virtual_router_id ${member.vrid.value} of vrrp_instance ${member.name} on ${hostList(context, [member])} (VIPs ${vipList([member])}) is also used on segment ${segment(member)} by another cluster: ${others.map((o) => `vrrp_instance ${o.name}`).filter((n, i, all) => all.indexOf(n) === i).join(', ')} on ${hostList(context, others)} (VIPs ${vipList(others)}). Each cluster takes the other's adverts for its own: a node can stay BACKUP behind the other cluster's MASTER and its VIPs go down. Give one cluster another virtual_router_id`,
    related: others.map((o) => ({ ...context.location(o.config, o.vrid.span), message: `virtual_router_id ${o.vrid.value} on ${hostList(context, [o])}` })),
  });
}

export const vridConflict: WorkspaceRule = {
  meta: {
    id: 'vrid-conflict',
    defaultSeverity: 'error',
    category: 'pair',
    description: 'Two VRRP clusters with disjoint VIPs use the same virtual_router_id on one segment and address family: they disturb each other\'s elections.',
    fixable: false,
  },
  checkWorkspace(context) {
    for (const group of vrrpGroups(context.configs)) {
      if (group.clusters.length < 2) continue;
      for (const cluster of group.clusters) {
        const others = group.clusters.filter((c) => c !== cluster).flat();
        for (const member of cluster) reportCollision(context, member, others);
      }
    }
  },
};

// A vrrp_sync_group makes its instances change state together (vrrp_sync_master() and friends
// in keepalived/vrrp/vrrp_sync.c), so the VIPs that must live on one node (a NAT service's VIP
// and its real servers' gateway) move as one. When the nodes of a cluster group their instances
// differently, a partial failure moves them together on one node and apart on the other.
// Sync groups within one file are sync-group-membership's.
import { hostName, joinNames, vrrpClusters, type InstanceView } from '../host/pairs.js';
import type { ConfigNode } from '../model/config-tree.js';
import { vrrpView, type SyncGroupView } from '../model/vrrp.js';
import type { WorkspaceRule } from '../workspace-rule.js';

function syncGroupOf(member: InstanceView): SyncGroupView | undefined {
  return vrrpView(member.config.tree).syncGroups.find((g) => g.members.some((m) => m.instance?.node === member.node));
}

/** What the member is synchronised with: the clusters (or, for an unpaired instance, the names) of its sync group's other instances. */
function partners(member: InstanceView, clusterOf: Map<ConfigNode, number>): { key: string; text: string; group?: SyncGroupView } {
  const group = syncGroupOf(member);
  const others = (group?.members ?? []).flatMap((m) => (m.instance && m.instance.node !== member.node ? [m.instance] : []));
  if (others.length === 0) return { key: '', text: group ? `alone in vrrp_sync_group ${group.name}` : 'in no vrrp_sync_group', group };
  const key = others.map((o) => (clusterOf.has(o.node) ? `#${clusterOf.get(o.node)}` : `=${o.name}`)).sort().join(' ');
  return { key, text: `in vrrp_sync_group ${group!.name} with ${joinNames(others.map((o) => o.name))}`, group };
}

export const pairSyncGroupDiffers: WorkspaceRule = {
  meta: {
    id: 'pair-sync-group-differs',
    defaultSeverity: 'warning',
    category: 'pair',
    description: 'The nodes of a VRRP cluster put its instance in different vrrp_sync_groups (or one in none): after a partial failure the VIPs that must move together end up on different nodes.',
    fixable: false,
  },
  checkWorkspace(context) {
    const clusters = vrrpClusters(context.configs);
    const clusterOf = new Map<ConfigNode, number>();
    clusters.forEach((cluster, i) => cluster.forEach((m) => clusterOf.set(m.node, i)));
    // A sync group that differs is one fault for all its instances: report it once per anchor.
    const reported = new Set<string>();
    for (const cluster of clusters) {
      const found = cluster.map((member) => ({ member, ...partners(member, clusterOf), host: hostName(context, member.config) }));
      if (new Set(found.map((f) => f.key)).size < 2) continue;
      const summary = found.map((f) => `${f.text} on ${f.host}`).join(', ');
      for (const here of found) {
        const anchor = anchorOf(here.member, here.group);
        const key = `${here.member.config.path}\u0000${anchor.file}\u0000${anchor.start}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report({
          location: context.location(here.member.config, anchor),
          message: `vrrp_instance ${here.member.name} (virtual_router_id ${here.member.vrid.value}) is grouped differently on the nodes that back each other up: ${summary}. After a partial failure the instances that must move together change state together on one node and apart on the other`,
          related: found.filter((f) => f !== here).map((f) => ({ ...context.location(f.member.config, anchorOf(f.member, f.group)), message: `vrrp_instance ${f.member.name} ${f.text} on ${f.host}` })),
        });
      }
    }
  },
};

/** The sync group's name when the instance is in one, else the instance's name. */
function anchorOf(member: InstanceView, group: SyncGroupView | undefined) {
  return (group?.node.args[0] ?? member.node.args[0] ?? member.node.keyword).span;
}

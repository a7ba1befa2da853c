// Equal priorities in a VRRP pair: the MASTER is chosen by the higher IP address, which
// surprises whoever expected the configured state to decide.
import { firstChild, type ConfigNode } from '../model/config-tree.js';
import { hostList, reportAgainstPeers, vrrpClusters } from '../host/pairs.js';
import type { WorkspaceRule } from '../workspace-rule.js';

const priority = (instance: ConfigNode) => firstChild(instance, 'priority')?.args[0]?.value ?? '100';

export const pairPriorityTie: WorkspaceRule = {
  meta: {
    id: 'pair-priority-tie',
    defaultSeverity: 'warning',
    category: 'pair',
    description: 'The two nodes of a VRRP pair have the same priority: the election falls to the higher IP address.',
    fixable: false,
  },
  checkWorkspace(context) {
    for (const cluster of vrrpClusters(context.configs)) {
      reportAgainstPeers(context, cluster, (a, b) => priority(a.node) === priority(b.node),
        (side) => firstChild(side.node, 'priority') ?? side.node,
        (side, peers) => `vrrp_instance ${side.name} has the same priority (${priority(side.node)}) as its ${peers.length > 1 ? 'peers' : 'peer'} on ${hostList(context, peers)}: the node with the higher IP address wins the election, whatever 'state' says`,
        'priority');
    }
  },
};

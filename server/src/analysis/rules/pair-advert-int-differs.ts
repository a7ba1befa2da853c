// VRRP peers must advertise at the same interval; keepalived drops adverts with another one.
import { firstChild, type ConfigNode } from '../model/config-tree.js';
import { hostList, reportAgainstPeers, vrrpClusters, vrrpVersion } from '../host/pairs.js';
import type { WorkspaceRule } from '../workspace-rule.js';

const interval = (instance: ConfigNode) => Number(firstChild(instance, 'advert_int')?.args[0]?.value ?? 1);

export const pairAdvertIntDiffers: WorkspaceRule = {
  meta: {
    id: 'pair-advert-int-differs',
    defaultSeverity: 'error',
    category: 'pair',
    description: 'The two nodes of a VRRP pair use different advert_int: keepalived discards adverts with a different interval, so both nodes become MASTER.',
    fixable: false,
  },
  checkWorkspace(context) {
    for (const cluster of vrrpClusters(context.configs)) {
      // VRRPv3 peers accept another interval (the backup follows the master's); v2 drops the advert.
      reportAgainstPeers(context, cluster, (a, b) => interval(a.node) !== interval(b.node) && !(vrrpVersion(a) === 3 && vrrpVersion(b) === 3),
        (side) => firstChild(side.node, 'advert_int') ?? side.node,
        (side, peers) => `advert_int ${interval(side.node)} of vrrp_instance ${side.name} differs from ${[...new Set(peers.map((p) => interval(p.node)))].join('/')} on ${hostList(context, peers)}: keepalived discards adverts with another interval, so both nodes become MASTER`,
        'advert_int');
    }
  },
};

// VRRP peers must advertise at the same interval; keepalived drops adverts with another one.
import { firstChild, type ConfigNode } from '../model/config-tree.js';
import { hostName, reportBothSides, vrrpPairs, vrrpVersion } from '../host/pairs.js';
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
    for (const pair of vrrpPairs(context.configs)) {
      // VRRPv3 peers accept another interval (the backup follows the master's); v2 drops the advert.
      if (interval(pair.a.node) === interval(pair.b.node) || (vrrpVersion(pair.a) === 3 && vrrpVersion(pair.b) === 3)) continue;
      reportBothSides(context, pair, (side) => firstChild(side.node, 'advert_int') ?? side.node,
        (side, peer) => `advert_int ${interval(side.node)} of vrrp_instance ${side.name} differs from ${interval(peer.node)} on ${hostName(peer.config)}: keepalived discards adverts with another interval, so both nodes become MASTER`,
        'advert_int');
    }
  },
};

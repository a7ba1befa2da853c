// VRRP peers with different authentication drop each other's adverts: both become MASTER.
import { firstChild, type ConfigNode } from '../model/config-tree.js';
import { hostList, reportAgainstPeers, vrrpClusters, vrrpVersion } from '../host/pairs.js';
import type { WorkspaceRule } from '../workspace-rule.js';

/** auth_type and the password as VRRP sends it (keepalived keeps the first 8 characters). */
function auth(instance: ConfigNode): { node: ConfigNode; text: string } {
  const block = firstChild(instance, 'authentication');
  const type = block && firstChild(block, 'auth_type')?.args[0]?.value;
  const pass = block && firstChild(block, 'auth_pass');
  return { node: pass ?? block ?? instance, text: block ? `${type ?? 'PASS'} ${(pass?.args[0]?.value ?? '').slice(0, 8)}` : 'none' };
}

export const pairAuthDiffers: WorkspaceRule = {
  meta: {
    id: 'pair-auth-differs',
    defaultSeverity: 'error',
    category: 'pair',
    description: "The two nodes of a VRRP pair use different authentication (type or the 8 characters of auth_pass that count): each drops the other's adverts.",
    fixable: false,
  },
  checkWorkspace(context) {
    for (const cluster of vrrpClusters(context.configs)) {
      // VRRPv3 has no authentication: keepalived ignores the block on both sides.
      reportAgainstPeers(context, cluster, (a, b) => auth(a.node).text !== auth(b.node).text && vrrpVersion(a) !== 3 && vrrpVersion(b) !== 3,
        (side) => auth(side.node).node,
        (side, peers) => `vrrp_instance ${side.name} authenticates differently from its ${peers.length > 1 ? 'peers' : 'peer'} on ${hostList(context, peers)} (virtual_router_id ${side.vrid.value}): each node discards the other's adverts and both become MASTER`,
        'authentication');
    }
  },
};

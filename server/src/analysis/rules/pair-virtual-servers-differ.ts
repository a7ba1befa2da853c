// The configs of a VRRP pair must define the same LVS services, or a failover loses some.
import { counterpart } from '../host/pair-services.js';
import { configPairs, hostName } from '../host/pairs.js';
import { virtualServers } from '../model/lvs.js';
import { serviceKey } from '../model/service-keys.js';
import type { WorkspaceRule } from '../workspace-rule.js';

export const pairVirtualServersDiffer: WorkspaceRule = {
  meta: {
    id: 'pair-virtual-servers-differ',
    defaultSeverity: 'error',
    category: 'pair',
    description: 'A virtual_server defined on one node of a VRRP pair and missing on the other: after failover the service is gone.',
    fixable: false,
  },
  checkWorkspace(context) {
    for (const [x, y] of configPairs(context.configs)) {
      for (const [side, peer] of [[x, y], [y, x]]) {
        for (const vs of virtualServers(side.tree.roots)) {
          // The same address and port with another protocol is a setting that differs, not a missing service.
          if (counterpart(vs, side, peer)) continue;
          const key = serviceKey(vs);
          context.report({
            location: context.location(side, vs.node.keyword.span),
            message: `virtual_server ${key} exists on ${hostName(context, side)} but not on its VRRP peer ${hostName(context, peer)}: when ${hostName(context, peer)} takes over the VIP this service stops`,
            related: [{ ...context.location(peer, { file: 0, start: 0, end: 0 }), message: `${hostName(context, peer)}'s config` }],
          });
        }
      }
    }
  },
};

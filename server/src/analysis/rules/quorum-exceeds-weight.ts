// validate_check_config() (keepalived/check/check_data.c) sums the weights of a virtual_server's
// real servers (a real_server without `weight` takes the virtual_server's, default 1) and lowers a
// quorum above that sum to the sum: the quorum written is never the one used.
import { firstChild, type ConfigNode } from '../model/config-tree.js';
import { serviceName, virtualServers } from '../model/lvs.js';
import type { Rule } from '../rule.js';

function integer(node: ConfigNode | undefined): number | undefined {
  const value = node?.args[0]?.value;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

export const quorumExceedsWeight: Rule = {
  meta: {
    id: 'quorum-exceeds-weight',
    defaultSeverity: 'warning',
    category: 'lvs',
    description: 'A virtual_server quorum above the total weight of its real servers: keepalived lowers it to that total.',
    fixable: true,
  },
  check(context) {
    if (context.settings.dialect !== 'keepalived') return;
    for (const vs of virtualServers(context.tree.roots)) {
      const quorumNode = firstChild(vs.node, 'quorum');
      const quorum = integer(quorumNode);
      if (!quorumNode || quorum === undefined || vs.realServers.length === 0) continue;
      const vsWeight = firstChild(vs.node, 'weight') ? integer(firstChild(vs.node, 'weight')) : 1;
      let total = 0;
      for (const rs of vs.realServers) {
        const weight = firstChild(rs.node, 'weight') ? integer(firstChild(rs.node, 'weight')) : vsWeight;
        if (weight === undefined) total = NaN; // an unreadable weight: invalid-value says so
        else total += weight;
      }
      if (!(quorum > total)) continue;
      const value = quorumNode.args[0];
      context.report({
        span: value.span,
        message: `quorum ${quorum} of ${serviceName(vs)} exceeds the total weight ${total} of its ${vs.realServers.length} real server(s): keepalived reduces the quorum to ${total}, so the service stays up with less than the capacity written`,
        fix: { title: `Set quorum to ${total}`, edits: [{ span: value.span, newText: String(total) }] },
      });
    }
  },
};

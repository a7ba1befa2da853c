// validate_check_config() (keepalived/check/check_data.c): a firewall-mark service matches
// packets by mark alone, so keepalived drops the protocol of `virtual_server fwmark N` (or of a
// group with only fwmark entries) with "protocol specified for fwmark - protocol will be ignored".
import { childrenNamed } from '../model/config-tree.js';
import { serviceName, virtualServers } from '../model/lvs.js';
import type { Rule } from '../rule.js';

export const fwmarkProtocolIgnored: Rule = {
  meta: {
    id: 'fwmark-protocol-ignored',
    defaultSeverity: 'info',
    category: 'lvs',
    description: 'A protocol on a firewall-mark virtual_server: keepalived ignores it, the mark alone selects the packets.',
    fixable: false,
  },
  check(context) {
    if (context.settings.dialect !== 'keepalived') return;
    for (const vs of virtualServers(context.tree.roots)) {
      if (vs.realServers.length === 0) continue;
      const onlyMarks = vs.fwmark !== undefined || (vs.group !== undefined && context.tree.roots.some((n) =>
        n.keyword.value === 'virtual_server_group' && n.args[0]?.value === vs.group!.value && n.items.length > 0 && n.items.every((i) => i.words[0]?.value === 'fwmark')));
      const protocol = childrenNamed(vs.node, 'protocol').pop();
      if (!onlyMarks || !protocol?.args[0]) continue;
      context.report({
        span: protocol.keyword.span,
        message: `protocol ${protocol.args[0].value} has no effect on ${serviceName(vs)}: the firewall mark alone selects the packets, and keepalived ignores the protocol`,
      });
    }
  },
};

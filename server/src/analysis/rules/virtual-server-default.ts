// validate_check_config() (keepalived/check/check_data.c) fills in what a virtual_server leaves
// out, and says so: no protocol means UDP (not TCP) for an address service, no scheduler means
// 'wlc', no forwarding method means NAT. The UDP default surprises (a TCP service is never
// balanced): a warning; the other two only note a default: info.
import type { ConfigNode } from '../model/config-tree.js';
import { serviceName, virtualServers } from '../model/lvs.js';
import type { Rule } from '../rule.js';

const has = (node: ConfigNode, ...names: string[]) => node.children.some((c) => names.includes(c.keyword.value));

export const virtualServerDefault: Rule = {
  meta: {
    id: 'virtual-server-default',
    defaultSeverity: 'info',
    category: 'lvs',
    description: 'A virtual_server without protocol, scheduler or forwarding method: keepalived applies its default (UDP, wlc, NAT).',
    fixable: false,
  },
  check(context) {
    if (context.settings.dialect !== 'keepalived') return;
    for (const vs of virtualServers(context.tree.roots)) {
      // keepalived drops a service without real servers before these checks.
      if (vs.realServers.length === 0 || vs.node.args.length === 0) continue;
      const name = serviceName(vs);
      const span = vs.node.keyword.span;
      if (vs.address && !has(vs.node, 'protocol')) {
        context.report({ span, severity: 'warning', message: `${name} has no protocol: keepalived 2.2 defaults to UDP, not TCP ("no protocol set - defaulting to UDP"); add 'protocol TCP' if this is a TCP service` });
      }
      if (!has(vs.node, 'lb_algo', 'lvs_sched')) {
        context.report({ span, message: `${name} has no scheduler (lvs_sched / lb_algo): keepalived uses 'wlc'` });
      }
      if (!vs.method && vs.realServers.some((rs) => !has(rs.node, 'lb_kind', 'lvs_method'))) {
        context.report({ span, message: `${name} has no forwarding method (lvs_method / lb_kind): keepalived uses NAT` });
      }
    }
  },
};

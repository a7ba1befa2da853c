// A firewall-mark service has no port: validate_check_config() (keepalived/check/check_data.c)
// clears the port of each real_server and sorry_server of a `virtual_server fwmark N` forwarded
// by DR or TUN, and ignores it for a `virtual_server group` with fwmark entries. The port written
// says something about the service that does not happen.
import type { WordNode } from '../../../../grammar/index.js';
import { groupEntries, serviceName, virtualServers, type VirtualServerView } from '../model/lvs.js';
import type { Rule, RuleContext } from '../rule.js';

function report(context: RuleContext, vs: VirtualServerView, what: string, port: WordNode, verb: string): void {
  context.report({
    span: port.span,
    message: `${what} port ${port.value} under ${serviceName(vs)}: a firewall-mark service has no port and with ${vs.method!.value} forwarding the packet keeps its own, so keepalived ${verb} this port`,
    related: [{ span: vs.method!.span, message: `forwarding method ${vs.method!.value}` }],
    fix: { title: 'Use port 0', edits: [{ span: port.span, newText: '0' }] },
  });
}

export const fwmarkPortIgnored: Rule = {
  meta: {
    id: 'fwmark-port-ignored',
    defaultSeverity: 'warning',
    category: 'lvs',
    description: 'A real_server or sorry_server port under a firewall-mark virtual_server forwarded by DR or TUN: keepalived clears or ignores it.',
    fixable: true,
  },
  check(context) {
    if (context.settings.dialect !== 'keepalived') return;
    for (const vs of virtualServers(context.tree.roots)) {
      // Without a method keepalived defaults to NAT, which keeps (and may translate) ports.
      const method = vs.method?.value.toUpperCase();
      if (!method || method === 'NAT' || vs.realServers.length === 0) continue;
      const verb = vs.fwmark ? 'clears' : vs.group && groupEntries(context.tree.roots, vs.group.value).fwmarks.length > 0 ? 'ignores' : undefined;
      if (!verb) continue;
      for (const rs of vs.realServers) if (rs.port && rs.port.value !== '0') report(context, vs, 'real_server', rs.port, verb);
      const sorry = vs.node.children.find((c) => c.keyword.value === 'sorry_server');
      const sorryPort = sorry?.args[1];
      if (sorryPort && sorryPort.value !== '0') report(context, vs, 'sorry_server', sorryPort, verb);
    }
  },
};

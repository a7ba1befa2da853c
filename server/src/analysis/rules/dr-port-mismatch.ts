// With DR and TUN the real server receives the packet unchanged, so it must listen on the
// virtual server's port; a different real_server port is silently reset by keepalived. Traffic
// still flows, to the virtual port: a warning, since the config says something that does not happen.
import { virtualServers } from '../model/lvs.js';
import type { Rule } from '../rule.js';

export const drPortMismatch: Rule = {
  meta: {
    id: 'dr-port-mismatch',
    defaultSeverity: 'warning',
    category: 'lvs',
    description: 'A real_server port that differs from the virtual_server port under DR or TUN forwarding, where ports cannot be translated.',
    fixable: true,
  },
  check(context) {
    for (const vs of virtualServers(context.tree.roots)) {
      const method = vs.method?.value;
      if ((method !== 'DR' && method !== 'TUN') || !vs.port || !/^\d+$/.test(vs.port.value)) continue;
      for (const rs of vs.realServers) {
        if (!rs.port || rs.port.value === vs.port.value || rs.port.value === '0') continue;
        context.report({
          span: rs.port.span,
          message: `real_server port ${rs.port.value} differs from the virtual_server port ${vs.port.value}, but with ${method} forwarding the packet reaches the real server unchanged: it must listen on ${vs.port.value} (keepalived resets the port to ${vs.port.value})`,
          related: [{ span: vs.port.span, message: 'virtual_server port' }, { span: vs.method!.span, message: `forwarding method ${method}` }],
          fix: { title: `Use port ${vs.port.value}`, edits: [{ span: rs.port.span, newText: vs.port.value }] },
        });
      }
    }
  },
};

// With DR and TUN the real server receives the packet unchanged, so it must listen on the
// virtual server's port. validate_check_config() (keepalived/check/check_data.c) resets a
// different real_server port to the virtual_server's; for a `virtual_server group` it only warns,
// and ipvs_group_cmd() (ipvswrapper.c) gives each real server the port of each group entry.
// Traffic still flows, to the virtual port: a warning, since the config says something that
// does not happen.
import { groupEntries, virtualServers, type RealServerView, type VirtualServerView } from '../model/lvs.js';
import type { Rule, RuleContext } from '../rule.js';

const portOf = (port: string | undefined) => (port === undefined ? 0 : Number(port));

function checkAddressService(context: RuleContext, vs: VirtualServerView, method: string): void {
  if (!vs.port || !/^\d+$/.test(vs.port.value)) return;
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

/**
 * A group service: each address entry is its own IPVS service with the entry's port. Groups with
 * fwmark entries are left to fwmark-port-ignored, which already says keepalived ignores the port.
 * No fix: the real_server port is also where its health check connects by default.
 */
function checkGroupService(context: RuleContext, vs: VirtualServerView, method: string): void {
  const entries = groupEntries(context.tree.roots, vs.group!.value);
  if (entries.fwmarks.length > 0) return;
  const report = (rs: RealServerView, differing: typeof entries.addresses) => {
    const list = differing.map((e) => `${e.range.value} ${e.port ? `port ${e.port.value}` : '(no port: every port)'}`).join(', ');
    context.report({
      span: rs.port!.span,
      message: `real_server port ${rs.port!.value} differs from the port of virtual_server_group '${vs.group!.value}' entries ${list}; with ${method} forwarding the packet reaches the real server unchanged, so keepalived ignores port ${rs.port!.value} and forwards to each entry's port`,
      related: [...differing.map((e) => ({ span: (e.port ?? e.range).span, message: 'group entry' })), { span: vs.method!.span, message: `forwarding method ${method}` }],
    });
  };
  for (const rs of vs.realServers) {
    if (!rs.port || !/^\d+$/.test(rs.port.value) || rs.port.value === '0') continue;
    const differing = entries.addresses.filter((e) => portOf(e.port?.value) !== Number(rs.port!.value));
    if (differing.length > 0) report(rs, differing);
  }
}

export const drPortMismatch: Rule = {
  meta: {
    id: 'dr-port-mismatch',
    defaultSeverity: 'warning',
    category: 'lvs',
    description: 'A real_server port that differs from the virtual_server (or virtual_server_group entry) port under DR or TUN forwarding, where ports cannot be translated.',
    fixable: true,
  },
  check(context) {
    for (const vs of virtualServers(context.tree.roots)) {
      const method = vs.method?.value;
      if (method !== 'DR' && method !== 'TUN') continue;
      if (vs.group) checkGroupService(context, vs, method);
      else checkAddressService(context, vs, method);
    }
  },
};

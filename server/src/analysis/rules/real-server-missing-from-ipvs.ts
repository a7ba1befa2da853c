// The live IPVS table of the host (ipvsadm facts) lacks a configured virtual or real server:
// its health check is failing, or this config was never loaded.
import type { IpvsServiceFact } from '../host/context.js';
import { virtualServers } from '../model/lvs.js';
import { parseIp, sameAddress, type IpAddress } from '../net/ip.js';
import type { Rule } from '../rule.js';

export function matchService(services: readonly IpvsServiceFact[], protocol: string, address: IpAddress, port: number): IpvsServiceFact | undefined {
  return services.find((s) => s.protocol.toUpperCase() === protocol && s.address && sameAddress(s.address, address) && s.port === port);
}

export const realServerMissingFromIpvs: Rule = {
  meta: {
    id: 'real-server-missing-from-ipvs',
    defaultSeverity: 'warning',
    category: 'host',
    description: "A configured virtual or real server missing from the host's live IPVS table (ipvsadm facts): a failing health check, or a config that was never loaded.",
    fixable: false,
  },
  check(context) {
    const self = context.facts?.self;
    if (!self?.ipvs) return;
    for (const vs of virtualServers(context.tree.roots)) {
      const address = vs.address && parseIp(vs.address.value);
      const port = vs.port ? Number(vs.port.value) : 0;
      if (!address || !vs.address) continue;
      const service = matchService(self.ipvs, vs.protocol, address, port);
      if (!service) {
        context.report({ span: vs.address.span, message: `virtual_server ${vs.address.value}:${port} is not in ${self.name}'s IPVS table (ipvsadm facts): this config was not loaded there, or keepalived is not running` });
        continue;
      }
      for (const rs of vs.realServers) {
        const rsAddress = rs.address && parseIp(rs.address.value);
        const rsPort = rs.port ? Number(rs.port.value) : port;
        if (!rsAddress || !rs.address) continue;
        if (service.realServers.some((r) => sameAddress(r.address, rsAddress) && r.port === rsPort)) continue;
        context.report({
          span: rs.address.span,
          message: `real_server ${rs.address.value}:${rsPort} is missing from ${self.name}'s IPVS table for ${vs.address.value}:${port}: its health check is failing (keepalived removed it) or this config was not loaded`,
          related: [{ ...service.location, message: 'the service in the ipvsadm facts' }],
        });
      }
    }
  },
};

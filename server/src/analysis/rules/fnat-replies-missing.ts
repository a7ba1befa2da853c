// Live IPVS counters of an FNAT service with packets in and none out: requests reach the
// real servers, replies never come back. The usual cause is a local address (FNAT source)
// that is not this node's, so replies are routed to another machine.
import { localAddressUses } from '../host/addresses.js';
import { describeHost, hasAddress, ownerOf } from '../host/lookup.js';
import { virtualServers } from '../model/lvs.js';
import { formatIp, parseIp } from '../net/ip.js';
import type { Rule } from '../rule.js';
import { matchService } from './real-server-missing-from-ipvs.js';

export const fnatRepliesMissing: Rule = {
  meta: {
    id: 'fnat-replies-missing',
    defaultSeverity: 'error',
    category: 'host',
    description: "An FNAT virtual_server whose live IPVS counters (ipvsadm facts) show packets in and none out: replies from the real servers never return.",
    fixable: false,
  },
  check(context) {
    const facts = context.facts;
    const self = facts?.self;
    if (!facts || !self?.ipvs) return;
    for (const vs of virtualServers(context.tree.roots)) {
      const address = vs.address && parseIp(vs.address.value);
      if (!address || !vs.address || vs.method?.value.toUpperCase() !== 'FNAT') continue;
      const service = matchService(self.ipvs, vs.protocol, address, vs.port ? Number(vs.port.value) : 0);
      const stats = service?.stats;
      if (!service || !stats || stats.inPkts === 0 || stats.outPkts !== 0) continue;
      const group = vs.localAddressGroup?.value;
      const wrong = localAddressUses(context.tree).filter((u) => u.role === 'fnat-local' && u.node.args[0]?.value === group && u.addresses.some((a) => !hasAddress(self, a)));
      const cause = wrong.map((u) => {
        const bad = u.addresses.find((a) => !hasAddress(self, a))!;
        const owner = ownerOf(facts, bad);
        return `local_address_group ${group} holds ${formatIp(bad)}${owner ? `, the address of ${describeHost(owner.host)}` : ', an address this host does not have'} (${context.lineRef(u.word.span, vs.node.keyword.span)}), so the real servers reply to that address instead of ${self.name}`;
      });
      context.report({
        span: vs.node.keyword.span,
        message: `on ${self.name}, IPVS counts ${stats.inPkts} packets in and 0 out for FNAT service ${vs.address.value}:${vs.port?.value ?? 0}: requests reach the real servers but no reply comes back, so clients see resets or timeouts. ${cause.length > 0 ? `Root cause: ${cause.join('; ')}.` : `Check that the local_address_group ${group ?? ''} addresses are this node's and routed back to it.`}`,
        related: [
          { ...service.location, message: 'ipvsadm counters' },
          ...wrong.map((u) => ({ span: u.word.span, message: 'local address that is not on this host' })),
        ],
      });
    }
  },
};
